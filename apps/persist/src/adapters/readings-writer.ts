import { BatchWriteItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { writeInBatches, type BatchWriteOptions } from '../domain/batch-writer';
import type { ReadingsWriter } from '../domain/ports';
import { readingAttributes, type Attributes } from './attribute-values';

/**
 * Writes reading items to the Readings table: BatchWriteItem on the low-level client with
 * attribute values built by hand (attribute-values.ts), no read first. Every item is built when
 * putAll is called, before anything is sent, so an item that cannot be sent fails the call at
 * once. What DynamoDB leaves unprocessed comes back already marshalled and is re-sent as it is.
 */
export function readingsWriter(client: DynamoDBClient, tableName: string, batch: BatchWriteOptions = {}): ReadingsWriter {
  const sendBatch = async (items: readonly Attributes[]): Promise<readonly Attributes[]> => {
    const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: items.map((Item) => ({ PutRequest: { Item } })) } }));
    return (result.UnprocessedItems?.[tableName] ?? []).flatMap((request) => (request.PutRequest?.Item ? [request.PutRequest.Item] : []));
  };
  return { putAll: (items) => writeInBatches(items.map(readingAttributes), sendBatch, batch) };
}
