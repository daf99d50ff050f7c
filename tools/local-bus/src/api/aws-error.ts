/**
 * An error answered in AWS JSON 1.1's error shape. The SDK derives the exception's name
 * from `__type`, so `type` must be the modelled exception name (e.g. ResourceNotFoundException).
 */
export class AwsError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

export const validationError = (message: string) => new AwsError('ValidationException', message);

export const notFound = (message: string) => new AwsError('ResourceNotFoundException', message);

/** For failures of the bus itself: 500, so clients (and the Pulse publisher) retry. */
export const internalError = (message: string) => new AwsError('InternalException', message, 500);
