import { findLeaks } from './secret-scan';

describe('findLeaks', () => {
  const key = 'pulse_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg';
  const token = 'eyJhbGciOiJSUzI1NiJ9.eyJjdXN0b206ZmxlZXQiOiJkZWZhdWx0In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

  it('finds a secret written whole, and masks it in the context it reports', () => {
    const leaks = findLeaks([{ source: 'function receive-readings', text: `{"message":"refused","key":"${key}"}` }], [{ name: 'fleet key', value: key }]);

    expect(leaks).toEqual([expect.objectContaining({ source: 'function receive-readings', secret: 'fleet key' })]);
    expect(leaks[0]!.context).not.toContain(key);
  });

  it('finds a token cut on its dots and a key cut in half', () => {
    const signatureOnly = token.split('.')[2]!;
    const texts = [
      { source: 'a', text: `signature=${signatureOnly}` },
      { source: 'b', text: `key tail ${key.slice(-26)}` },
    ];

    const leaks = findLeaks(texts, [
      { name: 'token', value: token },
      { name: 'key', value: key },
    ]);

    expect(leaks.map((leak) => [leak.source, leak.secret])).toEqual([
      ['a', 'token'],
      ['b', 'key'],
    ]);
  });

  it('finds nothing in texts without the secrets', () => {
    expect(findLeaks([{ source: 'a', text: 'api key refused (keyId 3fa2c1d4e5f6)' }], [{ name: 'key', value: key }])).toEqual([]);
  });
});
