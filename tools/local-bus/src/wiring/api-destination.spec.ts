import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { eventually } from '../__fixtures__/fake-runner';
import { startLocalBus, type LocalBus } from '../local-bus';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';

const PREFIX = 'arn:aws:events:us-east-1:000000000000';

describe('API destination targets (webhooks) on the local bus', () => {
  let local: LocalBus | undefined;
  let webhook: Server | undefined;
  let client: EventBridgeClient | undefined;
  const received: Array<{ path: string; body: string }> = [];

  afterEach(async () => {
    client?.destroy();
    await local?.close();
    if (webhook) await new Promise((resolve) => webhook!.close(resolve));
    local = undefined;
    webhook = undefined;
    received.length = 0;
  });

  /** A webhook that answers `status` to every POST and remembers what it got. */
  async function startWebhook(status: number): Promise<string> {
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((resolve) => webhook!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  }

  /** A rule for source `pulse.test` on the default bus with one API destination target and a DLQ. */
  async function busWithWebhookRule(destination: string, url: string | undefined): Promise<void> {
    local = await startLocalBus({ services: [], timeScale: 3_600, log: () => undefined, ...(url ? { apiDestinations: { [destination]: url } } : {}) });
    local.sqs.createQueue('hooks-dlq');
    client = new EventBridgeClient({ endpoint: local.busEndpoint, region: 'us-east-1', credentials: { accessKeyId: 'dev', secretAccessKey: 'x' }, maxAttempts: 1 });
    await client.send(new PutRuleCommand({ Name: 'hooks', EventPattern: JSON.stringify({ source: ['pulse.test'] }) }));
    await client.send(
      new PutTargetsCommand({
        Rule: 'hooks',
        Targets: [
          {
            Id: 'hook',
            Arn: `${PREFIX}:api-destination/${destination}/0b1c`,
            RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3_600 },
            DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:000000000000:hooks-dlq' },
          },
        ],
      }),
    );
  }

  const publish = () => client!.send(new PutEventsCommand({ Entries: [{ Source: 'pulse.test', DetailType: 'AlertRaised', Detail: '{"zone":"z-1"}' }] }));

  it('POSTs the event JSON to the destination URL', async () => {
    // Prepare
    await busWithWebhookRule('alerts-webhook', await startWebhook(204));

    // Act
    const put = await publish();
    await eventually('the webhook call', () => received.length === 1);
    await local!.dispatcher.drain();

    // Assess
    expect(received[0]?.path).toBe('/hook');
    expect(JSON.parse(received[0]!.body)).toMatchObject({ id: put.Entries?.[0]?.EventId, detail: { zone: 'z-1' } });
    expect(local!.dispatcher.stats()).toMatchObject({ delivered: 1, retries: 0 });
  });

  it('retries a webhook answering 500 and dead-letters it with the HTTP status', async () => {
    // Prepare
    await busWithWebhookRule('alerts-webhook', await startWebhook(500));

    // Act
    await publish();
    const [dead] = await eventually('the dead letter', () => local!.sqs.peekMessages('hooks-dlq').length > 0 && local!.sqs.peekMessages('hooks-dlq'));

    // Assess
    expect(received).toHaveLength(3);
    expect(dead!.attributes['ERROR_CODE']?.StringValue).toBe('ERROR_FROM_TARGET');
    expect(dead!.attributes['ERROR_MESSAGE']?.StringValue).toMatch(/HTTP 500/);
  });

  it('treats a destination without a URL as a failing target: retried, then its DLQ', async () => {
    // Prepare
    await busWithWebhookRule('unconfigured', undefined);

    // Act
    await publish();
    const [dead] = await eventually('the dead letter', () => local!.sqs.peekMessages('hooks-dlq').length > 0 && local!.sqs.peekMessages('hooks-dlq'));

    // Assess
    expect(dead!.attributes['ERROR_MESSAGE']?.StringValue).toMatch(/API destination unconfigured has no URL/);
    expect(dead!.attributes['RETRY_ATTEMPTS']?.StringValue).toBe('2');
    expect(dead!.attributes['TARGET_ARN']?.StringValue).toBe(`${PREFIX}:api-destination/unconfigured/0b1c`);
  });
});
