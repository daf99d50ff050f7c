import { AlertRaisedV1, ReadingsEnrichedV1, ReadingsReceivedV1 } from '@pulse/schemas';
import { readingIdsOf } from '../trace/reading-ids';
import { trimEvent } from './trim-event';

const trim = (event: object) => trimEvent(event as Record<string, unknown>, readingIdsOf(event));

describe('trimEvent', () => {
  it('keeps the envelope, the reading count and the zones, not the readings', () => {
    expect(trim(ReadingsEnrichedV1.sample)).toEqual({
      id: ReadingsEnrichedV1.sample['id'],
      detailType: 'ReadingsEnriched',
      source: 'pulse.enrich',
      time: '2024-05-01T12:00:01Z',
      readingCount: 2,
      readingIds: ['sensor-0042@1714564800000', 'sensor-0043@1714564800500'],
      zoneIds: ['presquile'],
    });
  });

  it('caps the readingIds it passes on', () => {
    const readings = Array.from({ length: 9 }, (_, i) => ({ ...ReadingsReceivedV1.sample.detail.data.readings[0], readingId: `d@${i}` }));
    const event = { ...ReadingsReceivedV1.sample, detail: { ...ReadingsReceivedV1.sample.detail, data: { ...ReadingsReceivedV1.sample.detail.data, readings } } };
    expect(trim(event)).toMatchObject({ readingCount: 9, readingIds: ['d@0', 'd@1', 'd@2', 'd@3', 'd@4'] });
  });

  it('summarises an alert', () => {
    expect(trim(AlertRaisedV1.sample).alert).toEqual({ alertId: 'city-lyon:zone-aqi:presquile:1714564800000', zoneId: 'presquile', level: 'Unhealthy', aqi: 162 });
  });
});
