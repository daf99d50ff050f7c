import type { TSchema } from '@sinclair/typebox';

/** One generated validator module: its file name in `src/generated/` (no extension) and its schema. */
export interface ValidatorModule {
  module: string;
  schema: TSchema;
}

/**
 * What a project's `scripts/validator-manifest.ts` exports as `validatorManifest`, read by
 * `tsx libs/schemas/scripts/generate-validators.ts <project root>`, which writes one
 * `src/generated/<module>.js` (+ `.d.ts`) per entry.
 */
export interface ValidatorManifest {
  /** The command that regenerates the modules, quoted when a committed module is stale. */
  command: string;
  /** Module specifier, as written in a generated module, of a module exporting isIsoDateTime (default '@pulse/schemas'). */
  formatsModule?: string;
  validators: readonly ValidatorModule[];
}
