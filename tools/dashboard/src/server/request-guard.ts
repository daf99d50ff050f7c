import type { IncomingMessage } from 'node:http';

/** A mutating request must carry this header: a cross-site form or a simple fetch cannot. */
export const ACTION_HEADER = 'x-pulse-dashboard';

/**
 * Why a request is refused, or undefined. The server holds the operator token, so it answers
 * only requests addressed to itself by a loopback name (no DNS rebinding), and performs actions
 * only for its own pages (same Origin, custom header: another site's page cannot forge them).
 */
export function refusal(req: IncomingMessage, port: number, host: string): string | undefined {
  const allowed = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${host}:${port}`]);
  if (!allowed.has(req.headers.host ?? '')) return `Host ${req.headers.host ?? '(none)'} is not this dashboard`;
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(origin.replace(/^http:\/\//, ''))) return `Origin ${origin} may not act on this dashboard`;
  if (req.headers[ACTION_HEADER] !== '1') return `actions need the ${ACTION_HEADER} header`;
  return undefined;
}
