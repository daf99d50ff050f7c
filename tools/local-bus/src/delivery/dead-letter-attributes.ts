import type { Delivery } from '../model';

/** Which RetryPolicy limit ended the retries, as AWS names it in EXHAUSTED_RETRY_CONDITION. */
export type ExhaustedCondition = 'MaximumRetryAttempts' | 'MaximumEventAgeInSeconds';

/**
 * Error codes a target failure maps to (a subset of those AWS lists for DLQ messages).
 * NO_RESOURCE and NO_PERMISSIONS are not retried: AWS sends those straight to the DLQ
 * because retrying cannot help until someone fixes the target.
 */
export type DeliveryErrorCode =
  | 'CONNECTION_FAILURE'
  | 'ERROR_FROM_TARGET'
  | 'EVENT_EXPIRED'
  | 'NO_PERMISSIONS'
  | 'NO_RESOURCE'
  | 'THROTTLING'
  | 'TIMEOUT'
  | 'UNKNOWN';

export interface DeliveryError {
  readonly code: DeliveryErrorCode;
  readonly message: string;
}

const KNOWN_CODES = new Set<string>([
  'CONNECTION_FAILURE',
  'ERROR_FROM_TARGET',
  'EVENT_EXPIRED',
  'NO_PERMISSIONS',
  'NO_RESOURCE',
  'THROTTLING',
  'TIMEOUT',
  'UNKNOWN',
]);

const BY_NAME_OR_ERRNO: Readonly<Record<string, DeliveryErrorCode>> = {
  ResourceNotFoundException: 'NO_RESOURCE',
  QueueDoesNotExist: 'NO_RESOURCE',
  'AWS.SimpleQueueService.NonExistentQueue': 'NO_RESOURCE',
  AccessDeniedException: 'NO_PERMISSIONS',
  TooManyRequestsException: 'THROTTLING',
  ThrottlingException: 'THROTTLING',
  TimeoutError: 'TIMEOUT',
  ETIMEDOUT: 'TIMEOUT',
  ECONNREFUSED: 'CONNECTION_FAILURE',
  ECONNRESET: 'CONNECTION_FAILURE',
  EPIPE: 'CONNECTION_FAILURE',
  ENOTFOUND: 'CONNECTION_FAILURE',
};

export function isRetriable(error: DeliveryError): boolean {
  return error.code !== 'NO_RESOURCE' && error.code !== 'NO_PERMISSIONS';
}

/** Reads an invoker's rejection as a DLQ error code: an explicit `code` wins, then the error's name or errno. */
export function classifyError(error: unknown): DeliveryError {
  if (!(error instanceof Error)) return { code: 'ERROR_FROM_TARGET', message: String(error) };
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && KNOWN_CODES.has(code)) return { code: code as DeliveryErrorCode, message: error.message };
  const mapped = (typeof code === 'string' ? BY_NAME_OR_ERRNO[code] : undefined) ?? BY_NAME_OR_ERRNO[error.name];
  return { code: mapped ?? 'ERROR_FROM_TARGET', message: error.message };
}

/** The SQS message attributes EventBridge sets on a DLQ message. */
export function deadLetterAttributes(
  delivery: Delivery,
  error: DeliveryError,
  exhausted: ExhaustedCondition | undefined,
  retryAttempts: number,
): Record<string, string> {
  return {
    RULE_ARN: delivery.ruleArn,
    TARGET_ARN: delivery.target.arn,
    ERROR_CODE: error.code,
    ERROR_MESSAGE: error.message.slice(0, 1_000),
    // Absent for errors AWS does not retry (no limit was reached).
    ...(exhausted === undefined ? {} : { EXHAUSTED_RETRY_CONDITION: exhausted }),
    RETRY_ATTEMPTS: String(retryAttempts),
  };
}
