import { createPowertools } from '@pulse/service-kit';

/** One logger, metrics and tracer per function instance (commons/powertools style). */
export const powertools = createPowertools({ serviceName: 'ingest' });
