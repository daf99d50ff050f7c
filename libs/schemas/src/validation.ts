import type { Static, TSchema } from '@sinclair/typebox';
import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { createPulseAjv } from './ajv-instance';
import { validationResult, type Validator } from './validation-result';

export type { ValidationIssue, ValidationResult, Validator } from './validation-result';

let runtimeAjv: Ajv | undefined;

/**
 * A validator compiled by Ajv at run time, for schemas that have no generated validator
 * (services' own query and route schemas, tools). Declare it at module scope; it compiles on
 * first use, once. The Ajv instance too is created on the first compile, and this module is
 * not imported by the contracts, so a bundle that only validates contracts carries no Ajv.
 */
export function compileValidator<S extends TSchema>(schema: S): Validator<Static<S>> {
  let compiled: ValidateFunction<Static<S>> | undefined;
  return (input) => {
    const check = (compiled ??= (runtimeAjv ??= createPulseAjv({ verbose: true })).compile<Static<S>>(schema));
    const valid = check(input);
    return validationResult(input, valid, check.errors, schema);
  };
}
