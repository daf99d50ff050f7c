import { AlertIdSchema } from '@pulse/schemas';
import { zoneAlertId } from './alert-id';

describe('zoneAlertId', () => {
  const fits = (id: string) => id.length <= (AlertIdSchema.maxLength ?? 0) && new RegExp(AlertIdSchema.pattern as string).test(id);

  it("has the golden sample's shape", () => {
    // Act / Assess
    expect(zoneAlertId('city-lyon', 'presquile', 1714564800000)).toBe('city-lyon:zone-aqi:presquile:1714564800000');
  });

  it('digests the zone when the longest ids would exceed 128 characters, deterministically', () => {
    // Prepare
    const fleet = 'f'.repeat(64);
    const zone = 'Z'.repeat(64);
    // Act
    const id = zoneAlertId(fleet, zone, 999_999_999_999_999);
    // Assess
    expect(fits(id)).toBe(true);
    expect(id).toBe(zoneAlertId(fleet, zone, 999_999_999_999_999));
    expect(id).not.toBe(zoneAlertId(fleet, `${'Z'.repeat(63)}Y`, 999_999_999_999_999));
  });
});
