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
    throw new Error(`${response.status}: ${message}`);
  }
  return body as T;
}
