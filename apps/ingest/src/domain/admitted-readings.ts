import type { ReceivedReading, ValidationIssue } from '@pulse/schemas';

/** A reading that passed every check, with its position in what the sender sent. */
export interface AdmittedReading {
  /** Array index (HTTP, Kinesis) or line number (S3), as the sender can find it. */
  readonly index: number;
  readonly reading: ReceivedReading;
}

/** A reading stopped at the door, with every reason (paths relative to the reading). */
export interface RejectedReading {
  readonly index: number;
  readonly errors: readonly ValidationIssue[];
}

export interface Admission {
  readonly admitted: AdmittedReading[];
  readonly rejected: RejectedReading[];
}
