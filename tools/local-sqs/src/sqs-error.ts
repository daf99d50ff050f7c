/**
 * An SQS error as both protocols report it. The JSON protocol names the modelled shape
 * in `__type` and repeats the Query code in `x-amzn-query-error`; the SDK (awsQueryCompatible)
 * resolves the exception class from that header, so both must agree with AWS's model.
 */
export class SqsError extends Error {
  constructor(
    /** Query protocol code, e.g. `AWS.SimpleQueueService.NonExistentQueue`. */
    readonly code: string,
    message: string,
    /** Smithy shape name for the JSON protocol's `__type`, e.g. `QueueDoesNotExist`. */
    readonly shape: string = code,
    readonly status = 400,
    readonly fault: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = shape;
  }
}

export const queueDoesNotExist = (): SqsError =>
  new SqsError('AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.', 'QueueDoesNotExist');

export const queueNameExists = (name: string): SqsError =>
  new SqsError('QueueAlreadyExists', `A queue already exists with the same name and a different value for attribute(s): ${name}`, 'QueueNameExists');

export const invalidParameter = (message: string): SqsError => new SqsError('InvalidParameterValue', message);

export const missingParameter = (name: string): SqsError =>
  new SqsError('MissingParameter', `The request must contain the parameter ${name}.`);

export const invalidAttributeName = (name: string): SqsError =>
  new SqsError('InvalidAttributeName', `Unknown Attribute ${name}.`);

export const invalidAttributeValue = (name: string, reason: string): SqsError =>
  new SqsError('InvalidAttributeValue', `Invalid value for the parameter ${name}. Reason: ${reason}`);

export const receiptHandleIsInvalid = (handle: string): SqsError =>
  new SqsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 'ReceiptHandleIsInvalid', 404);

export const messageNotInflight = (): SqsError =>
  new SqsError('AWS.SimpleQueueService.MessageNotInflight', 'The message referred to is not in flight.', 'MessageNotInflight');

export const emptyBatch = (): SqsError =>
  new SqsError('AWS.SimpleQueueService.EmptyBatchRequest', 'There should be at least one entry in the request.', 'EmptyBatchRequest');

export const tooManyEntries = (count: number): SqsError =>
  new SqsError(
    'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    `Maximum number of entries per request are 10. You have sent ${count}.`,
    'TooManyEntriesInBatchRequest',
  );

export const batchIdsNotDistinct = (id: string): SqsError =>
  new SqsError('AWS.SimpleQueueService.BatchEntryIdsNotDistinct', `Id ${id} repeated.`, 'BatchEntryIdsNotDistinct');

export const invalidBatchEntryId = (): SqsError =>
  new SqsError(
    'AWS.SimpleQueueService.InvalidBatchEntryId',
    'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
    'InvalidBatchEntryId',
  );

export const batchTooLong = (size: number, limit: number): SqsError =>
  new SqsError(
    'AWS.SimpleQueueService.BatchRequestTooLong',
    `Batch requests cannot be longer than ${limit} bytes. You have sent ${size} bytes.`,
    'BatchRequestTooLong',
  );

export const invalidMessageContents = (): SqsError =>
  new SqsError('InvalidMessageContents', 'Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF');

export const unknownOperation = (name: string): SqsError =>
  new SqsError('InvalidAction', `The action ${name} is not valid for this endpoint.`, 'UnknownOperationException');
