import { PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dynamoDbDocumentClient, eventBridgeClient } from './aws-clients';
import { resolveEndpoint } from './endpoint-config';
import { startPutEventsServer } from './testing/put-events-server';

describe('resolveEndpoint', () => {
  it('prefers an explicit endpoint, then AWS_ENDPOINT_URL_<SERVICE>, then AWS_ENDPOINT_URL', () => {
    // Prepare
    const env = { AWS_ENDPOINT_URL_EVENTBRIDGE: 'http://127.0.0.1:4010', AWS_ENDPOINT_URL: 'http://127.0.0.1:9999', AWS_REGION: 'eu-west-1' };

    // Act
    const explicit = resolveEndpoint('EVENTBRIDGE', env, { endpoint: 'http://x:1' });
    const specific = resolveEndpoint('EVENTBRIDGE', env);
    const global = resolveEndpoint('DYNAMODB', env);

    // Assess
    expect(explicit.endpoint).toBe('http://x:1');
    expect(specific).toMatchObject({ endpoint: 'http://127.0.0.1:4010', region: 'eu-west-1' });
    expect(global.endpoint).toBe('http://127.0.0.1:9999');
  });

  it('leaves AWS alone: no endpoint, no dummy credentials, region from the environment', () => {
    // Act
    const resolved = resolveEndpoint('DYNAMODB', { AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIA' });

    // Assess
    expect(resolved).toEqual({ region: 'eu-west-1' });
  });

  it('gives a local endpoint a default region and dummy credentials only when none are configured', () => {
    // Act
    const bare = resolveEndpoint('DYNAMODB', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000' });
    const withKeys = resolveEndpoint('DYNAMODB', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'k' });
    const ignored = resolveEndpoint('DYNAMODB', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' });

    // Assess
    expect(bare).toEqual({ endpoint: 'http://127.0.0.1:8000', region: 'us-east-1', credentials: { accessKeyId: 'pulse-local', secretAccessKey: 'pulse-local' } });
    expect(withKeys.credentials).toBeUndefined();
    expect(ignored.endpoint).toBeUndefined();
  });

  it('signs with the keys of the environment it was given, not only process.env', () => {
    const resolved = resolveEndpoint('DYNAMODB', { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:8000', AWS_ACCESS_KEY_ID: 'pulse-ingest', AWS_SECRET_ACCESS_KEY: 'local' });

    expect(resolved.credentials).toEqual({ accessKeyId: 'pulse-ingest', secretAccessKey: 'local' });
  });
});

describe('client factories', () => {
  it('send EventBridge calls to AWS_ENDPOINT_URL_EVENTBRIDGE', async () => {
    // Prepare
    const server = await startPutEventsServer();
    const client = eventBridgeClient({ env: { AWS_ENDPOINT_URL_EVENTBRIDGE: server.endpoint }, maxAttempts: 1 });

    try {
      // Act
      const output = await client.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'd', Detail: '{}' }] }));

      // Assess
      expect(output.FailedEntryCount).toBe(0);
      expect(server.calls).toEqual([[expect.objectContaining({ Source: 's', DetailType: 'd' })]]);
    } finally {
      await server.close();
    }
  });

  it('send DynamoDB calls to AWS_ENDPOINT_URL_DYNAMODB, signed with the configured region', async () => {
    // Prepare: a stand-in that records the target and signing scope and answers ListTables
    const seen: { target?: string; authorization?: string }[] = [];
    const server = createServer((req, res) => {
      seen.push({ target: req.headers['x-amz-target'] as string, authorization: req.headers.authorization });
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify({ TableNames: ['Readings'] }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const client = dynamoDbDocumentClient({ env: { AWS_ENDPOINT_URL_DYNAMODB: endpoint, AWS_REGION: 'eu-central-1' }, maxAttempts: 1 });

    try {
      // Act
      const output = await client.send(new ListTablesCommand({}));

      // Assess
      expect(output.TableNames).toEqual(['Readings']);
      expect(seen[0]?.target).toBe('DynamoDB_20120810.ListTables');
      expect(seen[0]?.authorization).toContain('/eu-central-1/dynamodb/aws4_request');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('passes the client through the tracer when one is given', () => {
    // Prepare
    const captured: unknown[] = [];
    const tracer = { captureAWSv3Client: <T>(c: T) => (captured.push(c), c) };

    // Act
    const client = eventBridgeClient({ env: {}, region: 'us-east-1', tracer });

    // Assess
    expect(captured).toEqual([client]);
  });
});
