import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { greeting } from '@fixture/shared-lib';

const client = new EventBridgeClient({ region: 'eu-west-1' });

export const handler = async (event: { name: string; trace?: boolean }) => ({
  message: greeting(event.name),
  sdkBundled: typeof client.send === 'function',
  credentials: await client.config.credentials().then(
    (found) => found.accessKeyId,
    (error: Error) => error.message,
  ),
  tracer: event.trace ? require.resolve('@aws-lambda-powertools/tracer') : undefined,
});
