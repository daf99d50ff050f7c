import { createPowertools } from '@pulse/service-kit';

/** One set of Powertools instances per function process, shared by the handler module. */
export const powertools = createPowertools({ serviceName: 'enrich' });
