import { kebab, pascal, PhysicalNames } from './physical-names';

test('names carry environment and service, in kebab case', () => {
  // Prepare
  const names = new PhysicalNames('staging', 'persist');
  // Act / Assess
  expect(names.table('ZoneStatus')).toBe('pulse-staging-persist-zone-status');
  expect(names.function('store-readings')).toBe('pulse-staging-persist-store-readings');
  expect(names.queue('persist-dlq')).toBe('pulse-staging-persist-dlq');
  expect(names.stream('Readings')).toBe('pulse-staging-persist-readings');
});

test('a function name over Lambda’s 64 characters fails the synth instead of the deploy', () => {
  // Prepare
  const names = new PhysicalNames('staging', 'ingest');
  // Act / Assess
  expect(() => names.function('x'.repeat(50))).toThrow(/longer than 64/);
});

test('construct ids and kebab names', () => {
  expect(pascal('alert-notify-dlq')).toBe('AlertNotifyDlq');
  expect(kebab('DeviceProjection')).toBe('device-projection');
});
