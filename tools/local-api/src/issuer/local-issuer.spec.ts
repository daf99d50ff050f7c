import { createPublicKey, createVerify, generateKeyPairSync } from 'node:crypto';
import { fromBase64Url, toBase64Url } from './base64url';
import { createLocalIssuer } from './local-issuer';

describe('createLocalIssuer', () => {
  it('mints a Cognito-shaped ID token that it verifies', () => {
    // Prepare
    const issuer = createLocalIssuer({ issuerUrl: 'http://issuer.test', clock: () => 1_700_000_000_000 });

    // Act
    const result = issuer.verify(issuer.mint({ fleet: 'fleet-a', username: 'ada' }));

    // Assess
    expect(result).toEqual({
      ok: true,
      claims: expect.objectContaining({
        iss: 'http://issuer.test',
        aud: issuer.clientId,
        token_use: 'id',
        'cognito:username': 'ada',
        'custom:fleet': 'fleet-a',
        iat: 1_700_000_000,
        exp: 1_700_003_600,
        auth_time: 1_700_000_000,
      }),
    });
  });

  it('refuses an expired token, and a live one once the clock passes exp plus the skew', () => {
    // Prepare
    let now = 1_700_000_000_000;
    const issuer = createLocalIssuer({ clock: () => now });
    const live = issuer.mint({ fleet: 'f', ttlSeconds: 60 });

    // Act
    const expired = issuer.verify(issuer.mint({ fleet: 'f', expired: true }));
    const withinSkew = (now += 75_000, issuer.verify(live));
    const pastSkew = (now += 20_000, issuer.verify(live));

    // Assess
    expect(expired).toEqual({ ok: false, reason: 'token expired' });
    expect(withinSkew.ok).toBe(true);
    expect(pastSkew).toEqual({ ok: false, reason: 'token expired' });
  });

  it("refuses another issuer's token, a tampered payload and an unsigned token", () => {
    // Prepare
    const issuer = createLocalIssuer();
    const [header, payload, signature] = issuer.mint({ fleet: 'fleet-a' }).split('.') as [string, string, string];
    const claims = JSON.parse(fromBase64Url(payload).toString('utf8')) as Record<string, unknown>;
    const tampered = `${header}.${toBase64Url(JSON.stringify({ ...claims, 'custom:fleet': 'fleet-b' }))}.${signature}`;
    const unsigned = `${toBase64Url(JSON.stringify({ alg: 'none' }))}.${payload}.`;

    // Act
    const results = [createLocalIssuer().mint({ fleet: 'fleet-a' }), tampered, unsigned, 'not-a-jwt'].map((t) => issuer.verify(t));

    // Assess
    expect(results).toEqual([
      { ok: false, reason: 'unknown kid' },
      { ok: false, reason: 'invalid signature' },
      { ok: false, reason: 'unsupported alg' },
      { ok: false, reason: 'malformed token' },
    ]);
  });

  it('checks iss and aud even when the signature is good', () => {
    // Prepare: three issuers sharing one key pair, so only the claims differ
    const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const verifier = createLocalIssuer({ keyPair, issuerUrl: 'http://a.test', clientId: 'operators' });
    const otherIssuer = createLocalIssuer({ keyPair, issuerUrl: 'http://b.test', clientId: 'operators' });
    const otherAudience = createLocalIssuer({ keyPair, issuerUrl: 'http://a.test', clientId: 'someone-else' });

    // Act
    const results = [otherIssuer, otherAudience].map((issuer) => verifier.verify(issuer.mint({ fleet: 'f' })));

    // Assess
    expect(results).toEqual([
      { ok: false, reason: 'wrong issuer' },
      { ok: false, reason: 'wrong audience' },
    ]);
  });

  it('keeps accepting tokens minted before a restart when given the same key pair', () => {
    // Prepare
    const keyPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = createLocalIssuer({ keyPair }).mint({ fleet: 'fleet-a' });

    // Act
    const result = createLocalIssuer({ keyPair }).verify(token);

    // Assess
    expect(result).toMatchObject({ ok: true, claims: { 'custom:fleet': 'fleet-a' } });
  });

  it('publishes a JWKS whose key verifies the tokens it mints', () => {
    // Prepare
    const issuer = createLocalIssuer();
    const token = issuer.mint({ fleet: 'f' });
    const [header, payload, signature] = token.split('.') as [string, string, string];

    // Act
    const [jwk] = issuer.jwks().keys;
    const key = createPublicKey({ key: { kty: jwk?.kty, n: jwk?.n, e: jwk?.e }, format: 'jwk' });
    const valid = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(key, fromBase64Url(signature));

    // Assess
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: JSON.parse(fromBase64Url(header).toString()).kid });
    expect(jwk).not.toHaveProperty('d');
    expect(valid).toBe(true);
  });
});
