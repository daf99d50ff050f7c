import type { EventContract } from '@pulse/schemas';

// The contract shapes the kit relies on come from the contracts lib, the single source.
export type { EventContract, EventDetail, EventMetadata, ValidationIssue, ValidationResult } from '@pulse/schemas';

/** Any contract, whatever its data type: what declarations and patterns hold. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyEventContract = EventContract<any>;
