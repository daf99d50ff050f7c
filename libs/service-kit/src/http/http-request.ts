import type { ValidationResult } from '../contract-types';

interface RequestLike {
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

/** Header lookup ignoring case: HTTP API lowercases names, other callers may not. */
export function header(event: RequestLike, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/** The raw body as text, decoding base64 when API Gateway encoded it. */
export function bodyText(event: RequestLike): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** The body parsed as JSON; a malformed body is a field-level issue at path '' (the body). */
export function jsonBody(event: RequestLike): ValidationResult<unknown> {
  const text = bodyText(event);
  if (text.trim() === '') return { ok: false, errors: [{ path: '', rule: 'required', message: 'a JSON body is required' }] };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, errors: [{ path: '', rule: 'json', message: `body is not valid JSON: ${(error as Error).message}` }] };
  }
}
