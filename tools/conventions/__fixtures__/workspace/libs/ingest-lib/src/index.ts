export const ingestOnly = 'ingest';
