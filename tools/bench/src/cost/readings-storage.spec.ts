import { HOUR, MEASURED, ZERO_PRICES } from './__fixtures__/cost-inputs';
import type { ReadingsLayout } from './design-choices';
import type { Measured } from './measured';
import { grouped, readingGroups, readingsStorage, type DynamoLineDraft } from './readings-storage';

// 300-byte items and 200-byte index entries (+ 100 bytes of overhead each); HOUR keeps 1 day =
// 86,400 readings, half of them zoned, 3,600 a month in 360 batches of 10, one zone per batch.
const SMALL_ITEMS: Measured = { ...MEASURED, readingItem: { tableBytes: 300, tableWru: 1, indexBytes: 200, indexWru: 1 } };
const PRICES = { ...ZERO_PRICES, dynamodbOnDemand: { ...ZERO_PRICES.dynamodbOnDemand, perMillionWriteRequestUnits: 1, storagePerGbMonth: 1, pitrPerGbMonth: 0.5 } };
const TRAFFIC = { readings: 3600, batches: 360, batchSize: 10, zonesPerBatch: 1 };
const GIB = 1024 ** 3;

const priced = (layout: ReadingsLayout) => readingsStorage(layout, TRAFFIC, { ...HOUR, pointInTimeRecovery: true }, PRICES, SMALL_ITEMS);
const quantities = (lines: readonly DynamoLineDraft[]) => lines.map((l) => [l.item, l.quantity]);

describe('readingsStorage', () => {
  it('as designed: a write per reading, an index write per zoned reading, PITR on the table only', () => {
    // Act
    const { writes, storage } = priced('reading-items+byZone-index');
    // Assess: 86,400 × 400 B + 43,200 × 300 B = 47,520,000 B; PITR 34,560,000 B
    expect(quantities(writes)).toEqual([
      ['writes: Readings', 3600],
      ['writes: Readings byZone index', 1800],
    ]);
    expect(storage[0].quantity).toBeCloseTo(47_520_000 / GIB, 12);
    expect(storage[1]).toMatchObject({ item: 'point-in-time recovery: Readings (table only)', unitPriceUsd: 0.5 });
    expect(storage[1].quantity).toBeCloseTo(34_560_000 / GIB, 12);
  });

  it('zone buckets: one item per zone per batch, WRU from the bucket’s bytes, no PITR on the buckets', () => {
    // Act
    const { writes, storage } = priced('reading-items+zone-buckets');
    // Assess: 5 zoned readings × 200 B = 1,000 B → 1 WRU × 360 batches; storage 86,400 × 400 B
    // + 43,200 × 200 B + 8,640 buckets × 100 B = 44,064,000 B; PITR the table's 34,560,000 B
    expect(quantities(writes)).toEqual([
      ['writes: Readings', 3600],
      ['writes: zone buckets (one per zone per batch, 1 WRU)', 360],
    ]);
    expect(storage[0].quantity).toBeCloseTo(44_064_000 / GIB, 12);
    expect(storage[1].quantity).toBeCloseTo(34_560_000 / GIB, 12);
  });

  it('packed: one item per zone (and one for the unzoned readings) per batch, ceil(bytes / 1 KB) WRU each', () => {
    // Act
    const { writes, storage } = priced('zone-batch-items');
    // Assess: 2 groups of 5 readings × 300 B = 1,500 B → 2 WRU; 360 × 2 × 2 = 1,440 WRU;
    // 86,400 × 300 B + 17,280 items × 100 B = 27,648,000 B, all under PITR
    expect(quantities(writes)).toEqual([['writes: Readings (one item per zone per batch, 2 WRU)', 1440]]);
    expect(storage[0].quantity).toBeCloseTo(27_648_000 / GIB, 12);
    expect(storage[1].quantity).toBeCloseTo(27_648_000 / GIB, 12);
  });

  it('writes no zone bucket when no reading has a zone', () => {
    // Act
    const { writes } = readingsStorage('reading-items+zone-buckets', TRAFFIC, { ...HOUR, zonedFraction: 0 }, PRICES, SMALL_ITEMS);
    // Assess
    expect(writes[1].quantity).toBe(0);
  });
});

describe('readingGroups', () => {
  it('groups a batch by zone, the unzoned readings apart, at least one group', () => {
    expect(readingGroups({ ...TRAFFIC, batchSize: 50, zonesPerBatch: 2 }, 1)).toEqual({ groupsPerBatch: 2, readingsPerGroup: 25 });
    // 5 unzoned readings of 50 make a group of their own
    expect(readingGroups({ ...TRAFFIC, batchSize: 50, zonesPerBatch: 1 }, 0.9)).toEqual({ groupsPerBatch: 2, readingsPerGroup: 25 });
    // Naive: one reading, zoned half the time → always one group of one
    expect(readingGroups({ ...TRAFFIC, batchSize: 1, zonesPerBatch: 0.5 }, 0.5)).toEqual({ groupsPerBatch: 1, readingsPerGroup: 1 });
  });
});

describe('grouped', () => {
  it('bills started write units and splits past the 400 KB item limit', () => {
    expect(grouped(1024, 1024)).toEqual({ pieces: 1, wru: 1 });
    expect(grouped(1025, 1024)).toEqual({ pieces: 1, wru: 2 });
    // 500 KB → 2 items of 250 KB → 2 × 250 WRU
    expect(grouped(500 * 1024, 1024)).toEqual({ pieces: 2, wru: 500 });
  });
});
