import { ENV_NAMES, PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION } from './environment-settings';
import { environmentSettings, isEnvName, selectedEnvironments } from './environments';
import { serviceEnvironmentConfig } from './service-environment';

describe('environments', () => {
  it('keeps warm instances of ingest receive-readings in prod only', () => {
    // Prepare
    const [dev, staging, prod] = ENV_NAMES.map((name) => environmentSettings(name));

    // Act
    const prodIngest = serviceEnvironmentConfig(prod!, 'ingest');
    const devIngest = serviceEnvironmentConfig(dev!, 'ingest');
    const stagingIngest = serviceEnvironmentConfig(staging!, 'ingest');

    // Assess
    expect(prodIngest.functions?.['receive-readings']?.provisionedConcurrency).toBeGreaterThan(0);
    expect(devIngest.functions?.['receive-readings']?.provisionedConcurrency).toBeUndefined();
    expect(stagingIngest.functions?.['receive-readings']?.provisionedConcurrency).toBeUndefined();
  });

  it('places functions in a VPC in prod only', () => {
    // Act
    const vpcByEnv = Object.fromEntries(ENV_NAMES.map((name) => [name, environmentSettings(name).vpc.enabled]));

    // Assess
    expect(vpcByEnv).toEqual({ dev: false, staging: false, prod: true });
  });

  it('retains data and turns on point-in-time recovery where it matters', () => {
    // Act
    const [dev, staging, prod] = ENV_NAMES.map((name) => environmentSettings(name));

    // Assess
    expect([dev!.pointInTimeRecovery, staging!.pointInTimeRecovery, prod!.pointInTimeRecovery]).toEqual([false, true, true]);
    expect([dev!.retainData, prod!.retainData]).toEqual([false, true]);
    expect(prod!.alarms.errorRatePercent).toBeLessThan(dev!.alarms.errorRatePercent);
    expect(prod!.api.throttling.rateLimit).toBeGreaterThan(dev!.api.throttling.rateLimit);
  });

  it('takes account and region from context first, then CDK_DEFAULT_*, then placeholders', () => {
    // Prepare
    const processEnv = { CDK_DEFAULT_ACCOUNT: '222222222222', CDK_DEFAULT_REGION: 'us-west-2' };

    // Act
    const fromContext = environmentSettings('dev', { context: { account: '111111111111', region: 'eu-central-1' }, processEnv });
    const fromEnv = environmentSettings('dev', { processEnv });
    const fallback = environmentSettings('dev', { processEnv: {} });

    // Assess
    expect([fromContext.account, fromContext.region]).toEqual(['111111111111', 'eu-central-1']);
    expect([fromEnv.account, fromEnv.region]).toEqual(['222222222222', 'us-west-2']);
    expect([fallback.account, fallback.region]).toEqual([PLACEHOLDER_ACCOUNT, PLACEHOLDER_REGION]);
  });

  it('selects all three environments, or the one named by context env', () => {
    // Act
    const all = selectedEnvironments({ context: {} }).map((s) => s.name);
    const one = selectedEnvironments({ context: { env: 'prod' } }).map((s) => s.name);

    // Assess
    expect(all).toEqual(['dev', 'staging', 'prod']);
    expect(one).toEqual(['prod']);
    expect(isEnvName('qa')).toBe(false);
  });

  it('refuses an unknown env instead of synthesising nothing', () => {
    // Act / Assess
    expect(() => selectedEnvironments({ context: { env: 'qa' } })).toThrow(/Unknown env 'qa'/);
  });

  it('hands the alert service its rule defaults and persist its retention as variables', () => {
    // Prepare
    const prod = environmentSettings('prod');

    // Act
    const alert = serviceEnvironmentConfig(prod, 'alert');
    const persist = serviceEnvironmentConfig(prod, 'persist');
    const transform = serviceEnvironmentConfig(prod, 'transform');

    // Assess
    expect(alert.variables).toEqual({
      PULSE_ALERT_MIN_READINGS: '3',
      PULSE_ALERT_WINDOW_MINUTES: '5',
      PULSE_ALERT_LEVEL_AQI: '101',
      PULSE_ALERT_RESOLVE_MINUTES: '10',
    });
    expect(persist.variables).toEqual({ PULSE_RETENTION_DAYS: String(prod.dataRetentionDays) });
    expect(transform.variables).toBeUndefined();
    expect(transform.functions).toBeUndefined();
    expect(alert).toMatchObject({ envName: 'prod', logLevel: 'INFO', pointInTimeRecovery: true, retainData: true });
  });

  it('takes a custom API domain and the alerts webhook from context', () => {
    // Prepare
    const context = {
      domainName: 'api.pulse.example.org',
      certificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/abc',
      alertsWebhookUrl: 'https://hooks.example.org/pulse',
    };

    // Act
    const settings = environmentSettings('staging', { context });
    const alert = serviceEnvironmentConfig(settings, 'alert');

    // Assess
    expect(settings.api.customDomain).toEqual({ domainName: context.domainName, certificateArn: context.certificateArn });
    expect(alert.variables).toMatchObject({ API_DESTINATION_ALERTS_WEBHOOK_URL: 'https://hooks.example.org/pulse', PULSE_ALERT_LEVEL_AQI: '101' });
    expect(environmentSettings('staging').api.customDomain).toBeUndefined();
  });

  it('refuses a custom domain without its certificate', () => {
    // Act / Assess
    expect(() => environmentSettings('prod', { context: { domainName: 'api.pulse.example.org' } })).toThrow(/set both or neither/);
  });
});
