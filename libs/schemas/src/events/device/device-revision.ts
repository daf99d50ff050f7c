import { Type } from '@sinclair/typebox';

/**
 * Increases with every change to a device. EventBridge may deliver out of order or
 * twice, so enrich's projection applies an event only if its revision is newer.
 */
export const DeviceRevisionSchema = Type.Integer({
  minimum: 1,
  maximum: Number.MAX_SAFE_INTEGER,
  description: 'per-device revision, increasing with every registration change',
});
