/**
 * How the Readings table lays readings out, and so how the zone view finds a zone's readings:
 * - `reading-items+byZone-index` (as designed): one item per reading keyed by device and time;
 *   the byZone GSI holds a narrow entry per zoned reading.
 * - `reading-items+zone-buckets`: the same items, no index; the zone view reads a zone-bucket
 *   item written once per zone per batch (key zone + hour, sort key the batch), holding the
 *   batch's zone projection of each reading, in a derived table without PITR (like the index).
 * - `zone-batch-items`: one item per zone per batch keyed by zone and time, holding the batch's
 *   readings of that zone: the table is the zone view, no index, no per-device key.
 */
export type ReadingsLayout = 'reading-items+byZone-index' | 'reading-items+zone-buckets' | 'zone-batch-items';

/** The choices of the data model and platform the bill depends on, beyond the workload. */
export interface DesignChoices {
  readonly readingsLayout: ReadingsLayout;
  /**
   * The detail-types the platform archive keeps: `all` (as designed), or only these (as the
   * hops' measurements spell them; the rare device events are not priced either way).
   */
  readonly archivedDetailTypes: 'all' | readonly string[];
}

export const AS_DESIGNED: DesignChoices = { readingsLayout: 'reading-items+byZone-index', archivedDetailTypes: 'all' };
