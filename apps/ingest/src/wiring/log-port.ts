import type { Logger } from '@aws-lambda-powertools/logger';

/** What handlers log through: the Powertools logger in Lambda, a recorder in tests. */
export type LogPort = Pick<Logger, 'info' | 'warn'>;
