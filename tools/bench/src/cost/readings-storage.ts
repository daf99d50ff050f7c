import type { ReadingsLayout } from './design-choices';
import type { Measured } from './measured';
import type { Prices } from './prices';
import type { Workload } from './workload';

/** A DynamoDB line before the model prices it: quantity × unit price. */
export interface DynamoLineDraft {
  readonly item: string;
  readonly quantity: number;
  readonly unit: string;
  readonly unitPriceUsd: number;
}

/** One design's traffic, as the model counts it. */
export interface ReadingsTraffic {
  readonly readings: number;
  readonly batches: number;
  readonly batchSize: number;
  /** Zones in one batch (a fraction for the naive design: the chance its one reading has a zone). */
  readonly zonesPerBatch: number;
}

const GIB = 1024 ** 3;
const MILLION = 1e6;
/** DynamoDB's item size limit: a larger group is split over several items. */
const MAX_ITEM_BYTES = 400 * 1024;

/**
 * The writes and steady-state storage of the readings under a layout. Item sizes are the
 * measured ones (DynamoDB's size rules); a grouped item is priced as the sum of its readings'
 * measured sizes, an upper bound since the readings of one item share its key attributes.
 */
export function readingsStorage(layout: ReadingsLayout, t: ReadingsTraffic, w: Workload, p: Prices, m: Measured): { writes: DynamoLineDraft[]; storage: DynamoLineDraft[] } {
  const ddb = p.dynamodbOnDemand;
  const wru = ddb.perMillionWriteRequestUnits / MILLION;
  const stored = w.readingsPerSecond * w.retentionDays * 86_400;
  const gb = (bytes: number) => bytes / GIB;
  const days = `${w.retentionDays} days`;
  const storage = (item: string, quantity: number) => ({ item, quantity, unit: 'GB-month', unitPriceUsd: ddb.storagePerGbMonth });
  const pitr = (quantity: number) =>
    w.pointInTimeRecovery ? [{ item: 'point-in-time recovery: Readings (table only)', quantity, unit: 'GB-month', unitPriceUsd: ddb.pitrPerGbMonth }] : [];

  if (layout === 'zone-batch-items') {
    const group = readingGroups(t, w.zonedFraction);
    const item = grouped(group.readingsPerGroup * m.readingItem.tableBytes, ddb.writeUnitBytes);
    const itemsStored = (stored / group.readingsPerGroup) * item.pieces;
    const tableGb = gb(stored * m.readingItem.tableBytes + itemsStored * w.dynamoItemOverheadBytes);
    return {
      writes: [{ item: `writes: Readings (one item per zone per batch, ${item.wru} WRU)`, quantity: t.batches * group.groupsPerBatch * item.wru, unit: 'WRU', unitPriceUsd: wru }],
      storage: [storage(`storage: Readings (${days}, one item per zone per batch)`, tableGb), ...pitr(tableGb)],
    };
  }

  const tableWrites = { item: 'writes: Readings', quantity: t.readings * m.readingItem.tableWru, unit: 'WRU', unitPriceUsd: wru };
  const zonedStored = stored * w.zonedFraction;
  const tableGb = gb(stored * (m.readingItem.tableBytes + w.dynamoItemOverheadBytes));
  if (layout === 'reading-items+byZone-index') {
    const indexGb = gb(zonedStored * (m.readingItem.indexBytes + w.dynamoItemOverheadBytes));
    return {
      writes: [tableWrites, { item: 'writes: Readings byZone index', quantity: t.readings * w.zonedFraction * m.readingItem.indexWru, unit: 'WRU', unitPriceUsd: wru }],
      storage: [storage(`storage: Readings (${days}, table + byZone index)`, tableGb + indexGb), ...pitr(tableGb)],
    };
  }

  // Zone buckets: the batch's zoned readings, split evenly over its zones, one item per zone.
  const readingsPerBucket = t.zonesPerBatch > 0 ? (t.batchSize * w.zonedFraction) / t.zonesPerBatch : 0;
  const bucket = grouped(readingsPerBucket * m.readingItem.indexBytes, ddb.writeUnitBytes);
  const bucketsStored = readingsPerBucket > 0 ? (zonedStored / readingsPerBucket) * bucket.pieces : 0;
  const bucketGb = gb(zonedStored * m.readingItem.indexBytes + bucketsStored * w.dynamoItemOverheadBytes);
  const bucketWrites = readingsPerBucket > 0 ? t.batches * t.zonesPerBatch * bucket.wru : 0;
  return {
    writes: [tableWrites, { item: `writes: zone buckets (one per zone per batch, ${bucket.wru} WRU)`, quantity: bucketWrites, unit: 'WRU', unitPriceUsd: wru }],
    storage: [storage(`storage: Readings (${days}, table + zone buckets)`, tableGb + bucketGb), ...pitr(tableGb)],
  };
}

/**
 * A batch's readings grouped by zone: one group per zone, plus one for its unzoned readings
 * when it has any; the groups are taken as equal in size. At least one group per batch.
 */
export function readingGroups(t: ReadingsTraffic, zonedFraction: number): { groupsPerBatch: number; readingsPerGroup: number } {
  const groupsPerBatch = Math.max(1, t.zonesPerBatch + Math.min(1, t.batchSize * (1 - zonedFraction)));
  return { groupsPerBatch, readingsPerGroup: t.batchSize / groupsPerBatch };
}

/** WRU to write `bytes` as one item, or as several when over DynamoDB's 400 KB item limit. */
export function grouped(bytes: number, writeUnitBytes: number): { pieces: number; wru: number } {
  const pieces = Math.max(1, Math.ceil(bytes / MAX_ITEM_BYTES));
  return { pieces, wru: pieces * Math.max(1, Math.ceil(bytes / pieces / writeUnitBytes)) };
}
