import { createPowertools } from '@pulse/service-kit';

/** One set of Powertools instances per function bundle (commons/powertools style). */
export const powertools = createPowertools({ serviceName: 'persist' });
