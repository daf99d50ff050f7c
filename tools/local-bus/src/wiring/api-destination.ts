import { eventJson } from '../event-json';
import type { BusEvent } from '../model';

/** EventBridge gives an API destination 5 seconds to answer. */
const API_DESTINATION_TIMEOUT_MS = 5_000;

export type ApiDestinations = Readonly<Record<string, string>>;

/**
 * POSTs the event (as JSON, like a target without InputPath) to the destination's URL.
 * Errors carry the DLQ code they mean: 429 throttling, other non-2xx an error from the target,
 * no answer a connection failure or timeout. An unknown destination is an ordinary (retried)
 * failure, so a misconfigured webhook still ends in its DLQ with a reason.
 */
export async function postToApiDestination(destinations: ApiDestinations, name: string, event: BusEvent): Promise<void> {
  const url = Object.hasOwn(destinations, name) ? destinations[name] : undefined;
  if (url === undefined) throw coded(new Error(`API destination ${name} has no URL configured on the local bus.`), 'ERROR_FROM_TARGET');
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: eventJson(event),
      signal: AbortSignal.timeout(API_DESTINATION_TIMEOUT_MS),
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw coded(new Error(`POST ${url} failed: ${causeOf(error)}`), timedOut ? 'TIMEOUT' : 'CONNECTION_FAILURE');
  }
  // The body is not needed, but reading it frees the connection.
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return;
  throw coded(new Error(`POST ${url} answered HTTP ${response.status}`), response.status === 429 ? 'THROTTLING' : 'ERROR_FROM_TARGET');
}

function coded(error: Error, code: string): Error {
  return Object.assign(error, { code });
}

/** fetch wraps socket errors ("fetch failed"); the cause says what happened. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
