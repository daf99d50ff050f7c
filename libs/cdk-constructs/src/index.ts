export type { PlatformRefs } from './platform-refs';
export type { ServiceEnvironmentConfig } from './environment-config';
export { PulseService } from './pulse-service';
export { buildOutputCode, type FunctionCodeSource, type PulseServiceProps } from './pulse-service-props';
export type { ServiceFunction } from './service-functions';
export type { ServiceTable } from './service-tables';
export { PULSE_RUNTIME } from './service-functions';
export { TABLE_READ_ACTIONS, TABLE_WRITE_ACTIONS } from './function-permissions';
export { apiDestinationUrlVariable, apiDestinationSecretVariable } from './subscription-targets';
export { API_KEY_HEADER } from './service-routes';
export { PhysicalNames, kebab, pascal } from './physical-names';
// For specs (the service stacks' and infra's) that need a platform without infra's stack.
export { addAwsSolutionsChecks, createTestPlatform, synthFailure, testServiceConfig, TEST_ENV } from './test-platform';
export { nagRule } from './nag-suppressions';
export { actionsOf, iamStatements, inlineTestCode, synthServiceStack, type IamStatement, type SynthesisedServiceStack, type TestServiceStackProps } from './service-stack-testing';
