/**
 * A value built on first use and kept for the life of the execution environment: handler
 * modules create their clients once, yet importing one in a test does not need its
 * environment, and a missing variable fails the first invocation by name.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { readonly value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
