import { createHash } from 'node:crypto';
import { ReadingsNormalizedV1, type ReadingsNormalizedV1Data } from '@pulse/schemas';
import type { Publisher, PublishSummary } from '@pulse/service-kit';

export interface Lineage {
  readonly correlationId: string;
  /** batchId of the ReadingsReceived event being normalised. */
  readonly causationId: string;
}

/**
 * The normalized batch's id is derived from the received batch's, not random: when a
 * delivery is retried after the publish had in fact succeeded (a timeout after PutEvents),
 * the repeat carries the same batchId, so consumers can recognise it as a redelivery.
 */
export function normalizedBatchId(causationId: string): string {
  return createHash('sha256').update(`transform:${causationId}`).digest('hex').slice(0, 32);
}

/** One ReadingsNormalized event per received event; the publisher validates it before sending. */
export async function publishNormalized(
  publisher: Publisher,
  data: ReadingsNormalizedV1Data,
  lineage: Lineage,
): Promise<PublishSummary & { batchId: string }> {
  const batchId = normalizedBatchId(lineage.causationId);
  const summary = await publisher.publish(ReadingsNormalizedV1, [data], { ...lineage, batchId });
  return { ...summary, batchId };
}
