import { FIVE_SERVICES } from '@pulse/local-bus';
import type { ServiceDeclaration } from '@pulse/service-kit';

/** ingest's per-fleet token bucket (apps/ingest/src/config.ts), set on receive-readings by its declaration. */
export const FLEET_RATE_VARIABLE = 'PULSE_INGEST_FLEET_RATE_PER_SECOND';
export const FLEET_BURST_VARIABLE = 'PULSE_INGEST_FLEET_BURST';

/**
 * The five declarations with receive-readings' variables changed, as a deployer would set
 * them. Only variables the declaration already has may change, so a rename in ingest fails
 * here rather than silently leaving the default in force.
 */
export function withReceiveReadingsVariables(variables: Readonly<Record<string, string>>, services: readonly ServiceDeclaration[] = FIVE_SERVICES): ServiceDeclaration[] {
  return services.map((service) => {
    if (service.name !== 'ingest') return service;
    return {
      ...service,
      functions: service.functions.map((fn) => {
        if (fn.name !== 'receive-readings') return fn;
        const declared = fn.environment?.variables ?? {};
        const unknown = Object.keys(variables).filter((name) => !(name in declared));
        if (unknown.length > 0) throw new Error(`receive-readings declares no ${unknown.join(', ')}; declared: ${Object.keys(declared).join(', ')}`);
        return { ...fn, environment: { ...fn.environment, variables: { ...declared, ...variables } } };
      }),
    };
  });
}

/** For the fuzz, the soak and the like: what is under test is not the limiter, so a fleet may send as fast as it likes. */
export const UNTHROTTLED_INGEST = withReceiveReadingsVariables({ [FLEET_RATE_VARIABLE]: '1000000', [FLEET_BURST_VARIABLE]: '1000000' });
