import type { JwtRequestEvent } from '../declaration/authorizer-contract';
import { httpApiEvent } from '../testing/http-api-event';
import { fleetOf } from './fleet-claim';

const withClaims = (claims: Record<string, string | number>) =>
  httpApiEvent({ method: 'GET', path: '/v1/zones', jwtClaims: claims }) as unknown as JwtRequestEvent;

describe('fleetOf', () => {
  it("reads the operator's fleet from the verified custom:fleet claim", () => {
    expect(fleetOf(withClaims({ 'custom:fleet': 'city-lyon' }))).toBe('city-lyon');
  });

  it.each<Record<string, string | number>>([{}, { 'custom:fleet': 'City Lyon' }, { 'custom:fleet': 42 }])(
    'answers undefined for a missing or malformed claim (%p)',
    (claims) => {
      expect(fleetOf(withClaims(claims))).toBeUndefined();
    },
  );
});
