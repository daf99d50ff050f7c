/**
 * The fleet named by the token's `custom:fleet` claim, for the page header. Read, not
 * verified: the read API verifies the token; this only labels what it will answer for.
 */
export function fleetOfToken(token: string): string | null {
  const payload = token.split('.')[1];
  if (payload === undefined) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    return typeof claims['custom:fleet'] === 'string' ? claims['custom:fleet'] : null;
  } catch {
    return null;
  }
}
