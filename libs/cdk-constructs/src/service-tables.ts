import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  Billing,
  Capacity,
  ProjectionType,
  TableEncryptionV2,
  TableV2,
  type Attribute,
  type GlobalSecondaryIndexPropsV2,
  type LocalSecondaryIndexProps,
} from 'aws-cdk-lib/aws-dynamodb';
import type { IndexProjection, KeyAttribute, TableDeclaration } from '@pulse/service-kit';
import type { ServiceScope } from './service-scope';

export interface ServiceTable {
  readonly declaration: TableDeclaration;
  readonly table: TableV2;
}

/** One table per declaration: on-demand or provisioned as declared, customer-managed KMS, PITR and retention per environment. */
export function createTables(ctx: ServiceScope): ReadonlyMap<string, ServiceTable> {
  const tables = new Map<string, ServiceTable>();
  for (const declared of ctx.declaration.tables ?? []) {
    const table = new TableV2(ctx.scope, `Table${declared.name}`, {
      tableName: ctx.names.table(declared.name),
      partitionKey: attribute(declared.partitionKey),
      sortKey: declared.sortKey ? attribute(declared.sortKey) : undefined,
      billing: billing(declared.billing),
      encryption: TableEncryptionV2.customerManagedKey(ctx.platform.key),
      timeToLiveAttribute: declared.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: ctx.config.pointInTimeRecovery },
      // Readings and alerts are the product: in environments that keep data, a stack deletion must not take them along.
      removalPolicy: ctx.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      globalSecondaryIndexes: declared.globalIndexes?.map(
        (index): GlobalSecondaryIndexPropsV2 => ({
          indexName: index.name,
          partitionKey: attribute(index.partitionKey),
          sortKey: index.sortKey ? attribute(index.sortKey) : undefined,
          ...projection(index.projection),
        }),
      ),
      localSecondaryIndexes: declared.localIndexes?.map(
        (index): LocalSecondaryIndexProps => ({
          indexName: index.name,
          sortKey: attribute(index.sortKey),
          ...projection(index.projection),
        }),
      ),
    });
    tables.set(declared.name, { declaration: declared, table });
  }
  return tables;
}

function billing(declared: TableDeclaration['billing']): Billing {
  if (declared === 'onDemand') return Billing.onDemand();
  // TableV2 requires autoscaled write capacity; the declared figure is its ceiling.
  return Billing.provisioned({
    readCapacity: Capacity.fixed(declared.provisioned.read),
    writeCapacity: Capacity.autoscaled({ maxCapacity: declared.provisioned.write }),
  });
}

function attribute(key: KeyAttribute): Attribute {
  const types = { S: AttributeType.STRING, N: AttributeType.NUMBER, B: AttributeType.BINARY } as const;
  return { name: key.name, type: types[key.type] };
}

function projection(declared: IndexProjection | undefined): { projectionType: ProjectionType; nonKeyAttributes?: string[] } {
  if (declared === undefined || declared === 'ALL') return { projectionType: ProjectionType.ALL };
  if (declared === 'KEYS_ONLY') return { projectionType: ProjectionType.KEYS_ONLY };
  return { projectionType: ProjectionType.INCLUDE, nonKeyAttributes: [...declared.include] };
}
