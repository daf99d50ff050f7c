import { ingestOnly } from '@fixture/ingest-lib';

export const borrowed = ingestOnly;
