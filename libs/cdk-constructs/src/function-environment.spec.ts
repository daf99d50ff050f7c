import { functionEnvironment } from './function-environment';
import { testServiceConfig } from './test-platform';

const sources = {
  service: 'persist' as const,
  busName: 'pulse-dev',
  tableName: (table: string) => `physical-${table}`,
  topicArn: (topic: string) => `arn:topic:${topic}`,
};

test('wiring follows the declared needs, with the kit spelling of each variable', () => {
  // Prepare
  const fn = {
    name: 'store',
    handler: 'src/handlers/store.ts',
    memoryMb: 256,
    timeoutSeconds: 10,
    environment: { bus: true, tables: [{ table: 'ZoneStatus', access: 'readWrite' as const }], topics: ['alerts'] },
  };
  // Act
  const env = functionEnvironment(fn, { ...sources, config: testServiceConfig({ variables: {} }) });
  // Assess
  expect(env).toMatchObject({
    PULSE_BUS_NAME: 'pulse-dev',
    PULSE_TABLE_ZONE_STATUS: 'physical-ZoneStatus',
    PULSE_TOPIC_ALERTS_ARN: 'arn:topic:alerts',
    POWERTOOLS_SERVICE_NAME: 'persist',
    POWERTOOLS_METRICS_NAMESPACE: 'Pulse',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  });
});

test('configuration overrides declared defaults, but can never redirect the wiring or Powertools', () => {
  // Prepare
  const fn = { name: 'store', handler: 'x.ts', memoryMb: 256, timeoutSeconds: 10, environment: { bus: true, variables: { WINDOW: '60', KEEP: 'declared' } } };
  const config = testServiceConfig({ logLevel: 'DEBUG', variables: { WINDOW: '120', PULSE_BUS_NAME: 'elsewhere', POWERTOOLS_SERVICE_NAME: 'other' } });
  // Act
  const env = functionEnvironment(fn, { ...sources, config });
  // Assess
  expect(env).toMatchObject({ WINDOW: '120', KEEP: 'declared', PULSE_BUS_NAME: 'pulse-dev', POWERTOOLS_SERVICE_NAME: 'persist', POWERTOOLS_LOG_LEVEL: 'DEBUG' });
});

test('a function without needs gets no bus, table or topic variables', () => {
  // Act
  const env = functionEnvironment({ name: 'auth', handler: 'x.ts', memoryMb: 128, timeoutSeconds: 3 }, { ...sources, config: testServiceConfig({ variables: {} }) });
  // Assess
  expect(Object.keys(env).filter((name) => name.startsWith('PULSE_'))).toEqual([]);
});
