export type { PlatformRefs } from './platform-refs';
export type { ServiceEnvironmentConfig } from './environment-config';
