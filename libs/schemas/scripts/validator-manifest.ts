/**
 * The schemas this library validates with generated code (`npx nx run schemas:generate-validators`
 * writes src/generated/<module>.js): every contract's detail and the public Reading.
 */
import type { ValidatorManifest } from '../src/validator-manifest';
import { contracts } from '../src/contracts';
import { ReadingSchema } from '../src/reading';

const kebab = (name: string) => name.replace(/[a-z0-9](?=[A-Z])/g, '$&-').toLowerCase();

export const validatorManifest: ValidatorManifest = {
  command: 'npx nx run schemas:generate-validators',
  formatsModule: '../iso-date-time',
  validators: [
    ...contracts.map((c) => ({ module: `${kebab(c.name)}-v${c.version}`, schema: c.schema })),
    { module: 'reading', schema: ReadingSchema },
  ],
};
