import type { TSchema } from '@sinclair/typebox';
import { contractFrom, detailSchema, type Contract, type ContractSpec } from './envelope';
import { compileValidator } from './validation';

/**
 * Builds a contract whose validator Ajv compiles at run time, on first use: for contracts
 * declared outside this library (tests, fixtures). The library's own events are built with
 * definePrecompiledContract, so their bundles carry no Ajv.
 */
export function defineContract<D extends TSchema>(spec: ContractSpec<D>): Contract<D> {
  const schema = detailSchema(spec.name, spec.version, spec.data);
  return contractFrom(spec, schema, compileValidator(schema));
}
