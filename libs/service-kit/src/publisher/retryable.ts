/**
 * Entry error codes EventBridge documents as non-retryable (PutEventsResultEntry). Any other
 * code — InternalFailure, ThrottlingException, or one we do not know — is retried: a
 * wasted retry is cheaper than a dropped event.
 */
const PERMANENT_ENTRY_CODES = new Set([
  'AccessDeniedException',
  'InvalidAccountIdException',
  'InvalidArgument',
  'MalformedDetail',
  'RedactionFailure',
  'NotAuthorizedForSourceException',
  'NotAuthorizedForDetailTypeException',
]);

export function isRetryableEntryCode(code: string): boolean {
  return !PERMANENT_ENTRY_CODES.has(code);
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'LimitExceededException',
]);
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

interface SdkErrorShape {
  name?: string;
  code?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

/** Whether a whole PutEvents call that threw is worth retrying: throttling, 5xx, timeouts, network. */
export function isRetryableCallError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as SdkErrorShape;
  const status = e.$metadata?.httpStatusCode;
  return (
    Boolean(e.$retryable) ||
    THROTTLING_NAMES.has(e.name ?? '') ||
    e.name === 'TimeoutError' ||
    NETWORK_CODES.has(e.code ?? '') ||
    (status !== undefined && (status >= 500 || status === 429))
  );
}

export function errorCodeOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error) return String(error.name);
  return 'UnknownError';
}

export function errorMessageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
