import { DeviceRegistered, ReadingsNormalized, ReadingsReceived } from '../__fixtures__/fixture-contracts';
import { patternFor } from './event-pattern';

describe('patternFor', () => {
  it('builds source and detail-type from one contract', () => {
    // Act
    const pattern = patternFor(ReadingsReceived);

    // Assess
    expect(pattern).toEqual({ source: ['pulse.ingest'], 'detail-type': ['ReadingsReceived'] });
  });

  it('merges several contracts without duplicate sources and keeps content filters', () => {
    // Prepare
    const extra = { detail: { data: { fleetId: ['fleet-1'] } } };

    // Act
    const pattern = patternFor([ReadingsReceived, DeviceRegistered, ReadingsNormalized], extra);

    // Assess
    expect(pattern).toEqual({
      source: ['pulse.ingest', 'pulse.transform'],
      'detail-type': ['DeviceRegistered', 'ReadingsNormalized', 'ReadingsReceived'],
      detail: { data: { fleetId: ['fleet-1'] } },
    });
  });

  it('refuses an empty list and hand-written source in extra', () => {
    // Act / Assess
    expect(() => patternFor([])).toThrow('at least one contract');
    expect(() => patternFor(ReadingsReceived, { source: ['pulse.x'] } as never)).toThrow('come from the contracts');
  });
});
