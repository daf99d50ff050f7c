/** Where readings go: the local runtime or a deployed stage. */
export interface ApiTarget {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:3000. */
  readonly endpoint: string;
  /** A fleet key, sent as `x-api-key`. */
  readonly apiKey: string;
  /** Injected in tests; global fetch otherwise. */
  readonly fetch?: typeof fetch;
}

export function urlOf(target: ApiTarget, path: string): string {
  return `${target.endpoint.replace(/\/+$/, '')}${path}`;
}
