/** What one POST /v1/readings may carry (the limits); larger bodies answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_READINGS_PER_REQUEST = 1000;

/** Longest API key the authorizer will hash; anything longer is not one of ours. */
export const MAX_API_KEY_LENGTH = 256;

/**
 * Measurements a DynamoDB number holds exactly through the SDK (integers beyond 2^53 fail to
 * marshal, magnitudes under 1e-130 underflow) and that no sensor produces. Checked at the door,
 * so a 202 never carries a reading persist cannot store.
 */
export const MEASUREMENT_MAGNITUDE = { max: 1e9, minNonZero: 1e-9 } as const;
