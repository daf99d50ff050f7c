import { ingest } from '../__fixtures__/sample-services';
import { requiredEnv, tableNameEnv, topicArnEnv } from './environment-names';
import { functionBundlePath } from './function-bundle-path';
import { effectiveRetryPolicy, EVENTBRIDGE_DEFAULT_RETRY_POLICY } from './retry-policy';

describe('build and environment conventions', () => {
  it('places each function bundle under dist/apps/<service>/<function>/index.js', () => {
    // Act
    const byName = functionBundlePath('ingest', 'receive-readings');
    const byDeclaration = functionBundlePath(ingest, ingest.functions[1]!);

    // Assess
    expect(byName).toBe('dist/apps/ingest/receive-readings/index.js');
    expect(byDeclaration).toBe('dist/apps/ingest/authorize-api-key/index.js');
  });

  it('spells table and topic variables in screaming snake case', () => {
    // Act / Assess
    expect(tableNameEnv('ZoneStatus')).toBe('PULSE_TABLE_ZONE_STATUS');
    expect(tableNameEnv('Readings')).toBe('PULSE_TABLE_READINGS');
    expect(topicArnEnv('pager-alerts')).toBe('PULSE_TOPIC_PAGER_ALERTS_ARN');
  });

  it('fails on a missing required variable, naming it', () => {
    // Act / Assess
    expect(requiredEnv('PULSE_BUS_NAME', { PULSE_BUS_NAME: 'pulse-dev' })).toBe('pulse-dev');
    expect(() => requiredEnv('PULSE_BUS_NAME', {})).toThrow('Missing environment variable PULSE_BUS_NAME');
  });

  it("fills a partial retry policy with EventBridge's defaults of 185 attempts and 24 h", () => {
    // Act
    const policy = effectiveRetryPolicy({ maximumRetryAttempts: 3 });

    // Assess
    expect(EVENTBRIDGE_DEFAULT_RETRY_POLICY).toEqual({ maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 });
    expect(policy).toEqual({ maximumRetryAttempts: 3, maximumEventAgeSeconds: 86_400 });
  });
});
