/**
 * A value built on first use and kept for the life of the process: handler modules create
 * their clients once, yet importing one in a test does not require its environment.
 */
export function lazy<T>(build: () => T): () => T {
  let value: { readonly v: T } | undefined;
  return () => (value ??= { v: build() }).v;
}
