import type { AttributeDefinition, CreateTableCommandInput, Projection } from '@aws-sdk/client-dynamodb';
import type { IndexProjection, KeyAttribute, TableDeclaration } from './service-declaration';

/**
 * The CreateTable request for a declared table, as the local runtime and adapter tests make
 * it (CDK makes the deployed one from the same declaration). TTL is a separate API call
 * (UpdateTimeToLive), which dynalite lacks; items still carry the attribute locally.
 */
export function createTableInput(table: TableDeclaration, tableName: string): CreateTableCommandInput {
  const attributes = new Map<string, AttributeDefinition>();
  const keySchema = (partition: KeyAttribute, sort?: KeyAttribute) => {
    for (const key of sort ? [partition, sort] : [partition]) {
      attributes.set(key.name, { AttributeName: key.name, AttributeType: key.type });
    }
    return [
      { AttributeName: partition.name, KeyType: 'HASH' as const },
      ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : []),
    ];
  };
  const input: CreateTableCommandInput = {
    TableName: tableName,
    KeySchema: keySchema(table.partitionKey, table.sortKey),
    ...(table.billing === 'onDemand'
      ? { BillingMode: 'PAY_PER_REQUEST' }
      : {
          BillingMode: 'PROVISIONED',
          ProvisionedThroughput: {
            ReadCapacityUnits: table.billing.provisioned.read,
            WriteCapacityUnits: table.billing.provisioned.write,
          },
        }),
  };
  if (table.globalIndexes?.length) {
    input.GlobalSecondaryIndexes = table.globalIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(index.partitionKey, index.sortKey),
      Projection: projection(index.projection),
      ...(table.billing === 'onDemand'
        ? {}
        : {
            ProvisionedThroughput: {
              ReadCapacityUnits: table.billing.provisioned.read,
              WriteCapacityUnits: table.billing.provisioned.write,
            },
          }),
    }));
  }
  if (table.localIndexes?.length) {
    input.LocalSecondaryIndexes = table.localIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: keySchema(table.partitionKey, index.sortKey),
      Projection: projection(index.projection),
    }));
  }
  input.AttributeDefinitions = [...attributes.values()];
  return input;
}

function projection(value: IndexProjection = 'ALL'): Projection {
  if (value === 'ALL' || value === 'KEYS_ONLY') return { ProjectionType: value };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...value.include] };
}
