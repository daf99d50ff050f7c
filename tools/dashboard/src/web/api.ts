/** A non-2xx answer: the status lets a view tell "not found" (persist's 404 for a zone it never saw) from a failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(`${status}: ${message}`);
  }
}

/** The dashboard server's own API (same origin); errors carry the conventions' message. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  return answer<T>(response);
}

/** Actions carry the header the server requires of its own pages. */
export async function postAction<T>(path: string): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { accept: 'application/json', 'x-pulse-dashboard': '1' } });
  return answer<T>(response);
}

async function answer<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const message = (body as { error?: { message?: string } } | null)?.error?.message ?? response.statusText;
    throw new ApiError(response.status, message);
  }
  return body as T;
}
