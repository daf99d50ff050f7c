import { createPowertools } from '@pulse/service-kit';

/** The service's one set of Powertools instances (logger, metrics, tracer). */
export const powertools = createPowertools({ serviceName: 'alert' });
