import type { ValidationIssue } from '../contract-types';

/** A producer never emits an invalid event: thrown before anything is sent. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly contract: string,
    readonly invalid: readonly { index: number; errors: readonly ValidationIssue[] }[],
  ) {
    const first = invalid[0];
    const sample = first?.errors.map((e) => `${e.path}: ${e.message}`).join('; ') ?? '';
    super(`${invalid.length} ${contract} event(s) failed validation; item ${first?.index}: ${sample}`);
  }
}

/** One entry is larger than a whole PutEvents call allows: split its data before publishing. */
export class EntryTooLargeError extends Error {
  override readonly name = 'EntryTooLargeError';

  constructor(
    readonly contract: string,
    readonly index: number,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${contract} item ${index} is ${size} bytes, over the ${limit}-byte PutEvents entry limit`);
  }
}

export interface FailedEntry {
  /** Position of the item in the array given to `publish`. */
  readonly index: number;
  readonly errorCode: string;
  readonly errorMessage: string;
}

/** Some entries were never accepted after every attempt; the others were published. */
export class PublishError extends Error {
  override readonly name = 'PublishError';

  constructor(
    readonly contract: string,
    readonly failed: readonly FailedEntry[],
    /** Event ids of the accepted entries, by item index (undefined where failed). */
    readonly eventIds: readonly (string | undefined)[],
  ) {
    const list = failed.map((f) => `#${f.index} ${f.errorCode}: ${f.errorMessage}`).join('; ');
    super(`${failed.length} of ${eventIds.length} ${contract} event(s) were not accepted: ${list}`);
  }
}
