/** Builds a value on first use and keeps it: module-scope clients that a test can import without env. */
export function once<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
