import { Type } from '@sinclair/typebox';
import { decodeCursor, encodeCursor } from './cursor';
import { bodyText, header, jsonBody } from './http-request';

describe('request helpers', () => {
  it('finds headers whatever their case', () => {
    // Prepare
    const event = { headers: { 'X-Api-Key': 'k1', 'content-type': 'application/json' } };

    // Act / Assess
    expect(header(event, 'x-api-key')).toBe('k1');
    expect(header(event, 'Content-Type')).toBe('application/json');
    expect(header({}, 'x-api-key')).toBeUndefined();
  });

  it('decodes a base64 body', () => {
    // Prepare
    const event = { body: Buffer.from('{"pm25":12.5,"unit":"µg/m³"}').toString('base64'), isBase64Encoded: true };

    // Act / Assess
    expect(bodyText(event)).toBe('{"pm25":12.5,"unit":"µg/m³"}');
    expect(jsonBody(event)).toEqual({ ok: true, value: { pm25: 12.5, unit: 'µg/m³' } });
  });

  it('reports a missing or malformed JSON body as a field issue', () => {
    // Act
    const missing = jsonBody({ body: null });
    const malformed = jsonBody({ body: '{"readings": [' });

    // Assess
    expect(missing).toEqual({ ok: false, errors: [{ path: '', rule: 'required', message: 'a JSON body is required' }] });
    expect(malformed).toMatchObject({ ok: false, errors: [{ path: '', rule: 'json' }] });
  });
});

describe('cursors', () => {
  const Position = Type.Object({ pk: Type.String(), ts: Type.Number() });

  it('round-trip an opaque url-safe position', () => {
    // Prepare
    const position = { pk: 'fleet-1#d1/é', ts: 1767225600000 };

    // Act
    const cursor = encodeCursor(position);
    const decoded = decodeCursor(cursor, Position);

    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decoded).toEqual({ ok: true, value: position });
  });

  it.each([
    ['not base64url', 'abc+/=='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['another shape', encodeCursor({ pk: 1 })],
  ])('reject a tampered cursor (%s) as a validation error', (_case, cursor) => {
    // Act
    const result = decodeCursor(cursor, Position);

    // Assess
    expect(result).toMatchObject({ ok: false, errors: [{ path: 'cursor', rule: 'cursor' }] });
  });
});
