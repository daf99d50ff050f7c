/** What one POST /v1/readings may carry (the limits); larger bodies answer 413. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_READINGS_PER_REQUEST = 1000;

/** Longest API key the authorizer will hash; anything longer is not one of ours. */
export const MAX_API_KEY_LENGTH = 256;
