/** What goes back on the socket. */
export interface HttpReply {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string | readonly string[]>>;
  readonly body: Buffer;
}

export function jsonReply(statusCode: number, value: unknown, headers: Record<string, string> = {}): HttpReply {
  return { statusCode, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(value)) };
}

/** API Gateway's own error bodies are `{"message": ...}`. */
export const gatewayError = {
  unauthorized: () => jsonReply(401, { message: 'Unauthorized' }),
  forbidden: () => jsonReply(403, { message: 'Forbidden' }),
  notFound: () => jsonReply(404, { message: 'Not Found' }),
  tooLarge: () => jsonReply(413, { message: 'Request Entity Too Large' }),
  tooManyRequests: () => jsonReply(429, { message: 'Too Many Requests' }),
  internal: () => jsonReply(500, { message: 'Internal Server Error' }),
} as const;
