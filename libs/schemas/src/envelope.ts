import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { BatchIdSchema, CorrelationIdSchema } from './identifiers';
import { IsoDateTimeSchema } from './time';
import { precompiledValidator, type PrecompiledValidateFunction } from './precompiled-validator';
import type { ValidationResult, Validator } from './validation-result';

const metadataProperties = {
  version: Type.Integer({ minimum: 1, maximum: 999, description: 'contract version of `data`' }),
  batchId: BatchIdSchema,
  correlationId: CorrelationIdSchema,
  producedAt: IsoDateTimeSchema,
  /** The batchId of the event this one was produced from, to follow a batch hop by hop. */
  causationId: Type.Optional(BatchIdSchema),
};

export const EventMetadataSchema = Type.Object(metadataProperties, { additionalProperties: false });
export type EventMetadata = Static<typeof EventMetadataSchema>;

export interface EventDetail<TData> {
  metadata: EventMetadata;
  data: TData;
}

/** A golden sample: a complete EventBridge event as a consumer receives it. */
export type SampleEvent<TData> = { source: string; 'detail-type': string; detail: EventDetail<TData>; [k: string]: unknown };

export interface EventContract<TData> {
  readonly name: string;
  readonly source: string;
  readonly detailType: string;
  readonly version: number;
  readonly description: string;
  /** JSON Schema of the whole `detail` ({ metadata, data }). */
  readonly schema: TSchema;
  /** JSON Schema of `data`. */
  readonly dataSchema: TSchema;
  validate(detail: unknown): ValidationResult<EventDetail<TData>>;
  readonly sample: SampleEvent<TData>;
}

export type DataOf<C> = C extends EventContract<infer T> ? T : never;

export interface ContractSpec<D extends TSchema> {
  name: string;
  source: string;
  detailType: string;
  version: number;
  description: string;
  data: D;
  /** The golden sample JSON; its conformance is asserted by the contract tests. */
  sample: unknown;
}

/** The JSON Schema of a contract's whole `detail`, from its name, version and data schema. */
export function detailSchema<D extends TSchema>(name: string, version: number, data: D) {
  return Type.Object(
    {
      // Pinning the version lets a rule route on detail.metadata.version and makes a v1
      // consumer refuse a v2 detail instead of misreading it.
      metadata: Type.Object({ ...metadataProperties, version: Type.Literal(version) }, { additionalProperties: false }),
      data,
    },
    { additionalProperties: false, title: `${name} v${version} detail` },
  );
}
export type DetailSchema<D extends TSchema> = ReturnType<typeof detailSchema<D>>;

export interface Contract<D extends TSchema> extends EventContract<Static<D>> {
  readonly schema: DetailSchema<D>;
  readonly dataSchema: D;
}

/**
 * Builds one of this library's contracts, whose detail is checked by a generated validator
 * (src/generated/<event>-v<N>.js, written by `npx nx run schemas:generate-validators` from the
 * same schema): the issues and forbidden-key check of compileValidator, without Ajv at run time.
 * The event's `{ source, detailType }` constant comes apart from the rest so that every
 * argument is free of side effects (no spread), which lets a bundler drop an unused contract
 * together with its validator.
 */
export function definePrecompiledContract<D extends TSchema>(
  event: Pick<ContractSpec<D>, 'source' | 'detailType'>,
  spec: Omit<ContractSpec<D>, 'source' | 'detailType'>,
  validateDetail: PrecompiledValidateFunction,
): Contract<D> {
  const schema = detailSchema(spec.name, spec.version, spec.data);
  return contractFrom({ ...spec, ...event }, schema, precompiledValidator(schema, validateDetail));
}

/** The contract object around a detail schema and the validator checking it. */
export function contractFrom<D extends TSchema>(spec: ContractSpec<D>, schema: DetailSchema<D>, validate: Validator<unknown>): Contract<D> {
  return {
    name: spec.name,
    source: spec.source,
    detailType: spec.detailType,
    version: spec.version,
    description: spec.description,
    schema,
    dataSchema: spec.data,
    validate: validate as (detail: unknown) => ValidationResult<EventDetail<Static<D>>>,
    sample: spec.sample as SampleEvent<Static<D>>,
  };
}

/** The `detail` a producer publishes: its data wrapped with this contract's metadata. */
export function createDetail<TData>(
  contract: Pick<EventContract<TData>, 'version'>,
  data: TData,
  metadata: Omit<EventMetadata, 'version'>,
): EventDetail<TData> {
  return { metadata: { ...metadata, version: contract.version }, data };
}
