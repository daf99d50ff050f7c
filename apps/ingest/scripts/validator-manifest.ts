/**
 * The schemas ingest validates with generated code (`npx nx run ingest:generate-validators`
 * writes src/generated/<module>.js), so Ajv's compiler stays out of its bundles.
 */
import type { ValidatorManifest } from '@pulse/schemas';
import { DeviceRegistrationSchema } from '../src/domain/device-registration';
import { KinesisPayloadSchema } from '../src/domain/kinesis-payload';

export const validatorManifest: ValidatorManifest = {
  command: 'npx nx run ingest:generate-validators',
  validators: [
    { module: 'device-registration', schema: DeviceRegistrationSchema },
    { module: 'kinesis-payload', schema: KinesisPayloadSchema },
  ],
};
