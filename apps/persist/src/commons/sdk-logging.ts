import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * Takes the SDK's logger middleware off a client. On every call it builds a copy of the request
 * and the response with sensitive members filtered out, for the client's logger, even when
 * that logger is the SDK's default no-op one; for a BatchWriteItem of 25 readings that copy walks
 * every attribute value against the operation's schema, about half of the call's CPU (measured,
 * see the README's Figures). The kit gives its clients no SDK logger (sdk-logging.spec.ts holds
 * it to that), so nothing that was logged is lost: Powertools logs what persist has to say.
 */
export function withoutSdkLogging(client: DynamoDBClient): DynamoDBClient {
  client.middlewareStack.remove('loggerMiddleware');
  return client;
}
