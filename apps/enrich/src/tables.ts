/** Logical table names: the deployer maps them to physical names via PULSE_TABLE_<NAME>. */
export const DEVICE_PROJECTION_TABLE = 'DeviceProjection';
