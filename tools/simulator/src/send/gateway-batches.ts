import type { SimReading } from '../city';

/**
 * Readings as fleet gateways send them: one gateway per zone, its readings in POSTs of at
 * most `maxBatch` (a zone of ~25 devices makes one batch a minute).
 */
export function gatewayBatches(readings: readonly SimReading[], maxBatch = 100): SimReading[][] {
  const byGateway = new Map<string, SimReading[]>();
  for (const reading of readings) {
    const list = byGateway.get(reading.gatewayId) ?? [];
    list.push(reading);
    byGateway.set(reading.gatewayId, list);
  }
  const batches: SimReading[][] = [];
  for (const list of byGateway.values()) for (let i = 0; i < list.length; i += maxBatch) batches.push(list.slice(i, i + maxBatch));
  return batches;
}
