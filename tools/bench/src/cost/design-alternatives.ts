import type { DesignChoices } from './design-choices';
import type { Workload } from './workload';

/** What an alternative may change: the inputs of `costModel` other than prices and measurements. */
export interface CostInputs {
  readonly workload: Workload;
  readonly choices: DesignChoices;
}

/** A named change to the design, priced by running the one cost model on changed inputs. */
export interface DesignAlternative {
  readonly name: string;
  /** What changes against the design, in a line. */
  readonly change: string;
  /** What the design gives up for it ('' when nothing a user would notice). */
  readonly givesUp: string;
  /** For a combination, the names of the alternatives it applies. */
  readonly parts?: readonly string[];
  readonly apply: (inputs: CostInputs) => CostInputs;
}

/** The measured detail-type of ingest's event, the one replay and `pulse reconcile` read. */
export const READINGS_RECEIVED_DETAIL_TYPE = 'ReadingsReceived';

export const AS_DESIGNED_ALTERNATIVE: DesignAlternative = {
  name: 'as designed',
  change: 'item per reading + byZone index entry per reading; every event archived; shared rate-limit write per request',
  givesUp: '',
  apply: (inputs) => inputs,
};

export const NO_BY_ZONE_INDEX: DesignAlternative = {
  name: 'no byZone index',
  change:
    'the zone view reads a zone-bucket item written once per zone per batch (key zone + hour, sort key the batch) holding the batch’s zone projections, instead of an index entry per reading',
  givesUp:
    'persist keeps the zone view itself (the index was DynamoDB’s job): a failed batch can leave readings and bucket apart until its retry (both idempotent per batch); zone pages come a batch at a time, filtered to the time range',
  apply: (inputs) => ({ ...inputs, choices: { ...inputs.choices, readingsLayout: 'reading-items+zone-buckets' } }),
};

export const ARCHIVE_READINGS_RECEIVED_ONLY: DesignAlternative = {
  name: 'archive ReadingsReceived only',
  change: 'the archive keeps ReadingsReceived (and the rare device events), not the events derived from it',
  givesUp:
    'replay re-runs transform and enrich instead of replaying a later hop’s events, enriching with the device data of replay time; `pulse reconcile` reads ReadingsReceived only and is unchanged',
  apply: (inputs) => ({ ...inputs, choices: { ...inputs.choices, archivedDetailTypes: [READINGS_RECEIVED_DETAIL_TYPE] } }),
};

export const READINGS_PACKED_PER_ZONE_BATCH: DesignAlternative = {
  name: 'readings packed per zone per batch',
  change: 'one Readings item per zone per batch (key zone + time), ceil(batch bytes / 1 KB) WRU, instead of a 1-WRU item per reading; the table is the zone view, no index',
  givesUp:
    'per-device query by key (GET /v1/devices/{id}/readings would read its zone’s batches); per-reading idempotent overwrite (a reading re-sent in another batch is stored twice); TTL and corrections per batch, not per reading',
  apply: (inputs) => ({ ...inputs, choices: { ...inputs.choices, readingsLayout: 'zone-batch-items' } }),
};

/** Several alternatives applied in turn, named and described by their parts. */
export function combined(...parts: readonly DesignAlternative[]): DesignAlternative {
  return {
    name: parts.map((a) => a.name).join(' + '),
    change: parts.map((a) => a.change).join('; '),
    givesUp: parts.map((a) => a.givesUp).filter(Boolean).join('; '),
    parts: parts.map((a) => a.name),
    apply: (inputs) => parts.reduce((acc, part) => part.apply(acc), inputs),
  };
}

/** The rows of step 6's trade-off table, the design first. */
export const DESIGN_ALTERNATIVES: readonly DesignAlternative[] = [
  AS_DESIGNED_ALTERNATIVE,
  NO_BY_ZONE_INDEX,
  ARCHIVE_READINGS_RECEIVED_ONLY,
  READINGS_PACKED_PER_ZONE_BATCH,
  combined(NO_BY_ZONE_INDEX, ARCHIVE_READINGS_RECEIVED_ONLY),
  combined(READINGS_PACKED_PER_ZONE_BATCH, ARCHIVE_READINGS_RECEIVED_ONLY),
];
