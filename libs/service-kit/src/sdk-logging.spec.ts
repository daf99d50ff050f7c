import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { dynamoDbClient, eventBridgeClient, withoutSdkLogging } from './aws-clients';

const local = { endpoint: 'http://127.0.0.1:9', env: {} };
const middlewareNames = (client: { middlewareStack: { identify(): string[] } }) => client.middlewareStack.identify().map((entry) => entry.split(' - ')[0]);

describe('withoutSdkLogging', () => {
  it('relies on the kit giving its DynamoDB clients no SDK logger (only the SDK’s no-op one)', () => {
    // Act
    const client = dynamoDbClient(local);

    // Assess: were this to fail, the kit logs SDK calls somewhere and dropping the middleware would lose those lines.
    expect(client.config.logger.constructor.name).toBe('NoOpLogger');
  });

  it('is how the kit builds its clients', () => {
    expect(middlewareNames(dynamoDbClient(local))).not.toContain('loggerMiddleware');
    expect(middlewareNames(eventBridgeClient(local))).not.toContain('loggerMiddleware');
  });

  it('takes the SDK’s logger middleware off the client, and only that', () => {
    // Prepare
    const client = new DynamoDBClient({ region: 'eu-west-1', endpoint: local.endpoint });
    const before = middlewareNames(client);

    // Act
    withoutSdkLogging(client);

    // Assess
    expect(before).toContain('loggerMiddleware');
    expect(middlewareNames(client)).toEqual(before.filter((name) => name !== 'loggerMiddleware'));
  });
});
