import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { greeting } from '@fixture/shared-lib';

const client = new EventBridgeClient({ region: 'eu-west-1' });

export const handler = async (event: { name: string }) => ({
  message: greeting(event.name),
  sdkBundled: typeof client.send === 'function',
});
