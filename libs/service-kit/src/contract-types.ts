import type { TSchema } from '@sinclair/typebox';

// TEMPORARY local copy of the @pulse/schemas contract interface, agreed with the contracts
// lib while it is being written. Everything here is structural, so the real
// `EventContract` from '@pulse/schemas' is assignable to these types; once that lib lands,
// replace this file's body with `export type { … } from '@pulse/schemas'`.

export interface ValidationIssue {
  path: string;
  rule: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: ValidationIssue[] };

export interface EventMetadata {
  version: number;
  batchId: string;
  correlationId: string;
  producedAt: string;
  /** The batchId of the event this one was produced from, to follow a batch hop by hop. */
  causationId?: string;
}

export interface EventDetail<TData> {
  metadata: EventMetadata;
  data: TData;
}

export interface EventContract<TData> {
  readonly name: string;
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly schema: TSchema;
  readonly dataSchema: TSchema;
  validate(detail: unknown): ValidationResult<EventDetail<TData>>;
  readonly sample: { source: string; 'detail-type': string; detail: EventDetail<TData> };
}

/** Any contract, whatever its data type: what declarations and patterns hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventContract = EventContract<any>;
