/** What the read API answered; `body` is passed to the browser as is. */
export interface ReadAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface ReadApi {
  /**
   * GET `path` with `query`, following `nextCursor` until `maxItems` items were read; the answer
   * is `{ items, nextCursor }` (nextCursor non-null when the cap cut it short). A non-2xx answer
   * of any page is returned as it came.
   */
  list(path: string, query: Readonly<Record<string, string>>, maxItems: number): Promise<ReadAnswer>;
}

const PAGE_LIMIT = 1000;

/** The read routes, called server-side with the operator's token (the browser never holds it). */
export function readApi(apiUrl: string, operatorToken: string): ReadApi {
  return {
    async list(path, query, maxItems) {
      const items: unknown[] = [];
      let cursor: string | null = null;
      do {
        const url = new URL(path, apiUrl);
        for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
        url.searchParams.set('limit', String(Math.min(PAGE_LIMIT, maxItems - items.length)));
        if (cursor !== null) url.searchParams.set('cursor', cursor);
        const response = await fetch(url, { headers: { authorization: `Bearer ${operatorToken}`, accept: 'application/json' } });
        const text = await response.text();
        const body = parseJson(text);
        if (!response.ok) return { status: response.status, body: body ?? { error: { code: 'UpstreamError', message: text.slice(0, 500) } } };
        const page = body as { items?: unknown; nextCursor?: unknown } | undefined;
        if (!page || !Array.isArray(page.items)) return { status: 502, body: { error: { code: 'BadGateway', message: `${path} did not answer a list body` } } };
        items.push(...(page.items as unknown[]));
        cursor = typeof page.nextCursor === 'string' && page.nextCursor !== '' ? page.nextCursor : null;
      } while (cursor !== null && items.length < maxItems);
      return { status: 200, body: { items, nextCursor: cursor } };
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
