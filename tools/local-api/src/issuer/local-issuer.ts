import { createHash, createSign, createVerify, generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { fromBase64Url, toBase64Url } from './base64url';
import type { IdTokenClaims, VerifyResult } from './id-token-claims';

export const DEFAULT_ISSUER_URL = 'http://127.0.0.1:3000/local-cognito';
export const DEFAULT_CLIENT_ID = 'pulse-local-operators';
const DEFAULT_TTL_SECONDS = 3_600;
/** Tolerated clock difference, as JWT authorizers allow a little skew. */
const CLOCK_SKEW_SECONDS = 30;

export interface LocalIssuerOptions {
  readonly issuerUrl?: string;
  readonly clientId?: string;
  /** Epoch ms; tests pass a manual clock to expire tokens without waiting. */
  readonly clock?: () => number;
  /**
   * The signing key pair; a fresh one when omitted. Pass a kept pair so tokens printed before a
   * restart stay valid, or so two issuers (another iss or aud) share one key in tests.
   */
  readonly keyPair?: { readonly privateKey: KeyObject; readonly publicKey: KeyObject };
}

export interface MintOptions {
  readonly fleet: string;
  /** A token whose exp is already in the past (for 401 tests). */
  readonly expired?: boolean;
  readonly ttlSeconds?: number;
  readonly username?: string;
}

export interface Jwks {
  readonly keys: readonly (JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' })[];
}

export interface LocalIssuer {
  readonly issuerUrl: string;
  readonly clientId: string;
  mint(options: MintOptions): string;
  verify(token: string): VerifyResult;
  jwks(): Jwks;
}

/**
 * A stand-in for the operators' Cognito user pool: a key pair made at start (never
 * persisted, so tokens die with the runtime) signing RS256 ID tokens with Cognito's claims.
 */
export function createLocalIssuer(options: LocalIssuerOptions = {}): LocalIssuer {
  const issuerUrl = options.issuerUrl ?? DEFAULT_ISSUER_URL;
  const clientId = options.clientId ?? DEFAULT_CLIENT_ID;
  const now = options.clock ?? Date.now;
  const { privateKey, publicKey } = options.keyPair ?? generateKeyPairSync('rsa', { modulusLength: 2048 });
  // A hash of the public key, so a kept key pair keeps its kid across restarts.
  const kid = createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('base64url').slice(0, 22);

  function mint(mintOptions: MintOptions): string {
    const seconds = Math.floor(now() / 1000);
    const ttl = mintOptions.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    // An expired token was issued long enough ago that even the skew does not save it.
    const iat = mintOptions.expired ? seconds - ttl - CLOCK_SKEW_SECONDS - 60 : seconds;
    const username = mintOptions.username ?? `operator-${mintOptions.fleet}`;
    const claims: IdTokenClaims = {
      iss: issuerUrl,
      aud: clientId,
      sub: randomUUID(),
      token_use: 'id',
      'cognito:username': username,
      email: `${username}@pulse.local`,
      'custom:fleet': mintOptions.fleet,
      iat,
      exp: iat + ttl,
      auth_time: iat,
    };
    const signingInput = `${toBase64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${toBase64Url(JSON.stringify(claims))}`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
    return `${signingInput}.${toBase64Url(signature)}`;
  }

  function verify(token: string): VerifyResult {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
    const [header, payload, signature] = parts as [string, string, string];
    let parsedHeader: { alg?: unknown; kid?: unknown };
    let claims: IdTokenClaims;
    try {
      parsedHeader = JSON.parse(fromBase64Url(header).toString('utf8')) as { alg?: unknown; kid?: unknown };
      claims = JSON.parse(fromBase64Url(payload).toString('utf8')) as IdTokenClaims;
    } catch {
      return { ok: false, reason: 'malformed token' };
    }
    // Pinning the algorithm blocks 'none' and HMAC-with-public-key confusion.
    if (parsedHeader.alg !== 'RS256') return { ok: false, reason: 'unsupported alg' };
    if (parsedHeader.kid !== kid) return { ok: false, reason: 'unknown kid' };
    const valid = createVerify('RSA-SHA256').update(`${header}.${payload}`).verify(publicKey, fromBase64Url(signature));
    if (!valid) return { ok: false, reason: 'invalid signature' };
    if (claims.iss !== issuerUrl) return { ok: false, reason: 'wrong issuer' };
    if (claims.aud !== clientId) return { ok: false, reason: 'wrong audience' };
    if (claims.token_use !== 'id') return { ok: false, reason: 'not an ID token' };
    const seconds = Math.floor(now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp + CLOCK_SKEW_SECONDS <= seconds) return { ok: false, reason: 'token expired' };
    if (typeof claims.iat === 'number' && claims.iat - CLOCK_SKEW_SECONDS > seconds) return { ok: false, reason: 'token issued in the future' };
    return { ok: true, claims };
  }

  function jwks(): Jwks {
    const jwk = publicKey.export({ format: 'jwk' });
    return { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] };
  }

  return { issuerUrl, clientId, mint, verify, jwks };
}
