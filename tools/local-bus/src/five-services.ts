import { service as alert } from '@pulse/alert';
import { service as enrich } from '@pulse/enrich';
import { service as ingest } from '@pulse/ingest';
import { service as persist } from '@pulse/persist';
import type { ServiceDeclaration } from '@pulse/service-kit';
import { service as transform } from '@pulse/transform';

/** The five real declarations, as `npm start` and CDK read them. */
export const FIVE_SERVICES: readonly ServiceDeclaration[] = [ingest, transform, enrich, persist, alert];
