import { FLEET_ID_PATTERN } from '@pulse/schemas';
import { JWT_FLEET_CLAIM, type JwtRequestEvent } from '../declaration/authorizer-contract';

const FLEET_ID = new RegExp(FLEET_ID_PATTERN);

/**
 * The caller's fleet, from the `custom:fleet` claim the HTTP API's JWT authorizer already
 * verified. Missing or malformed means the token was not minted for an operator: 403.
 */
export function fleetOf(event: Pick<JwtRequestEvent, 'requestContext'>): string | undefined {
  const claim = event.requestContext.authorizer?.jwt?.claims?.[JWT_FLEET_CLAIM];
  return typeof claim === 'string' && FLEET_ID.test(claim) ? claim : undefined;
}
