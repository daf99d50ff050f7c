import { SQSClient } from '@aws-sdk/client-sqs';
import { startSqsServer, type SqsServer, type SqsServerOptions } from './sqs-server';

/** A server on a random loopback port and a real SDK client pointed at it. */
export interface Harness {
  server: SqsServer;
  sqs: SQSClient;
  close(): Promise<void>;
}

/** The SDK warns once per process about Node 20; it says nothing about this code. */
export function silenceSdkNodeWarning(): void {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
}

silenceSdkNodeWarning();

export async function startHarness(options: SqsServerOptions = {}): Promise<Harness> {
  const server = await startSqsServer({ port: 0, log: () => undefined, ...options });
  const sqs = new SQSClient({
    endpoint: server.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDPULSETEST', secretAccessKey: 'secret' },
  });
  return {
    server,
    sqs,
    async close() {
      sqs.destroy();
      await server.close();
    },
  };
}

/** Posts a Query-protocol form as the AWS CLI 2.9 does and returns status and XML. */
export async function postQuery(endpoint: string, form: Record<string, string>, path = '/'): Promise<{ status: number; xml: string }> {
  const response = await fetch(`${endpoint}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    body: new URLSearchParams({ ...form, Version: '2012-11-05' }).toString(),
  });
  return { status: response.status, xml: await response.text() };
}

/** Text of the first `<tag>` in an XML document. */
export function xmlText(xml: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
}

export function xmlTexts(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((match) => match[1]);
}
