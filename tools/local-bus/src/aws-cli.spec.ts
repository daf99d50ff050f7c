import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { ReadingsReceivedV1 } from '@pulse/schemas';
import { eventually } from './__fixtures__/fake-runner';
import { FIVE_SERVICES } from './five-services';
import { startLocalBus, type LocalBus } from './local-bus';

/**
 * Debian's awscli; a Python-installed `aws` earlier on PATH may be another version, so the path is
 * explicit. PULSE_AWS_CLI overrides it (e.g. to check the missing-CLI branch).
 */
const AWS_CLI = process.env['PULSE_AWS_CLI'] ?? '/usr/bin/aws';
const run = promisify(execFile);

/** Dummy credentials and no user config: exactly what a developer's shell would need. */
const cliEnv = {
  PATH: process.env['PATH'] ?? '/usr/bin:/bin',
  HOME: process.env['HOME'] ?? '/tmp',
  AWS_ACCESS_KEY_ID: 'x',
  AWS_SECRET_ACCESS_KEY: 'x',
  AWS_DEFAULT_REGION: 'us-east-1',
  AWS_CONFIG_FILE: '/nonexistent/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};

async function aws(endpoint: string, ...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(AWS_CLI, ['--endpoint-url', endpoint, '--output', 'json', ...args], { env: cliEnv, timeout: 20_000 });
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

describe('the AWS CLI against a running local bus', () => {
  let local: LocalBus | undefined;

  afterEach(async () => {
    await local?.close();
    local = undefined;
  });

  it('lists the rules, puts an event and reads its dead letter with `aws sqs receive-message`', async () => {
    if (!existsSync(AWS_CLI)) {
      // CI installs Debian's awscli (.ci/run); there its absence is a broken setup, not a reason to skip.
      if (process.env['CI'] === 'true') throw new Error(`${AWS_CLI} is missing: CI must install the Debian awscli package (.ci/run APT_PACKAGES).`);
      process.stderr.write(`aws-cli.spec: ${AWS_CLI} not found (apt-get install awscli); nothing checked outside CI.\n`);
      return;
    }
    // Prepare: no function runner, so the published event's function target fails into transform-dlq
    local = await startLocalBus({ services: FIVE_SERVICES, timeScale: 3_600, log: () => undefined });
    const detail = JSON.stringify({ batch: 'cli-1' });
    const entries = JSON.stringify([{ Source: ReadingsReceivedV1.source, DetailType: ReadingsReceivedV1.detailType, Detail: detail, EventBusName: 'pulse-local' }]);

    // Act
    const [rules, put] = await Promise.all([
      aws(local.busEndpoint, 'events', 'list-rules', '--event-bus-name', 'pulse-local'),
      aws(local.busEndpoint, 'events', 'put-events', '--entries', entries),
    ]);
    await eventually('the dead letter', () => local!.sqs.peekMessages('transform-dlq').length === 1);
    const received = await aws(local.sqsEndpoint, 'sqs', 'receive-message', '--queue-url', local.sqs.queueUrl('transform-dlq'), '--message-attribute-names', 'All');

    // Assess
    const ruleNames = (rules['Rules'] as Array<{ Name: string }>).map((r) => r.Name);
    expect(ruleNames).toEqual(expect.arrayContaining(['transform-readings-received', 'persist-readings-enriched']));
    expect(put).toMatchObject({ FailedEntryCount: 0, Entries: [{ EventId: expect.any(String) }] });
    const [message] = received['Messages'] as Array<{ Body: string; MessageAttributes: Record<string, { StringValue: string }> }>;
    expect(JSON.parse(message!.Body)).toMatchObject({ id: (put['Entries'] as Array<{ EventId: string }>)[0]!.EventId, detail: { batch: 'cli-1' } });
    expect(message!.MessageAttributes['ERROR_CODE']?.StringValue).toBe('ERROR_FROM_TARGET');
    expect(message!.MessageAttributes['RULE_ARN']?.StringValue).toMatch(/:rule\/pulse-local\/transform-readings-received$/);
  }, 30_000);
});
