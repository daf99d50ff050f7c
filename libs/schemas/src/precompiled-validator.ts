import type { Static, TSchema } from '@sinclair/typebox';
import type { ErrorObject } from 'ajv';
import { validationResult, type Validator } from './validation-result';

/** What a generated (Ajv standalone) module exports: the check, leaving its errors on itself. */
export interface PrecompiledValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * A validator from a generated module (see scripts/generate-validators.ts): the same results as
 * compileValidator(schema), without Ajv at run time. `schema` must be the one the module was
 * generated from; the issues' descriptions and rationales are read from it.
 */
export function precompiledValidator<S extends TSchema>(schema: S, check: PrecompiledValidateFunction): Validator<Static<S>> {
  return (input) => validationResult(input, check(input), check.errors, schema);
}
