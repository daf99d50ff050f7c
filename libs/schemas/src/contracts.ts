import type { EventContract } from './envelope';
import { AlertRaisedV1 } from './events/alert-raised/v1';
import { AlertResolvedV1 } from './events/alert-resolved/v1';
import { DeviceRegisteredV1 } from './events/device-registered/v1';
import { DeviceRetiredV1 } from './events/device-retired/v1';
import { ReadingsEnrichedV1 } from './events/readings-enriched/v1';
import { ReadingsNormalizedV1 } from './events/readings-normalized/v1';
import { ReadingsReceivedV1 } from './events/readings-received/v1';
import { ReadingsStoredV1 } from './events/readings-stored/v1';

/**
 * Every contract, every version still published or replayable from the archive.
 * A new version is added beside the old one, never in its place.
 */
export const contracts: readonly EventContract<unknown>[] = [
  ReadingsReceivedV1,
  ReadingsNormalizedV1,
  ReadingsEnrichedV1,
  ReadingsStoredV1,
  AlertRaisedV1,
  AlertResolvedV1,
  DeviceRegisteredV1,
  DeviceRetiredV1,
];

/**
 * Contracts whose data carries a `readings` batch bounded by MAX_READINGS_PER_EVENT.
 * Marked pure so that a bundle not using these lists drops them, and with them the contracts
 * (and generated validators) its code does not import.
 */
export const batchContracts: readonly EventContract<unknown>[] = /* @__PURE__ */ contracts.filter((c) =>
  ['ReadingsReceived', 'ReadingsNormalized', 'ReadingsEnriched'].includes(c.name),
);
