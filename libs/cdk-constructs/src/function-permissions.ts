import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { FunctionDeclaration, ServiceName } from '@pulse/service-kit';
import type { ServiceTable } from './service-tables';
import type { PlatformRefs } from './platform-refs';
import type { Topic } from 'aws-cdk-lib/aws-sns';

/** Exactly the DynamoDB actions the handlers use (Get/BatchGet/Query; Put/Update/Delete/BatchWrite), no wildcards. */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'] as const;
export const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

export interface PermissionSources {
  readonly service: ServiceName;
  /** The service stack's region, for kms:ViaService. */
  readonly region: string;
  readonly platform: PlatformRefs;
  readonly tables: ReadonlyMap<string, ServiceTable>;
  readonly topics: ReadonlyMap<string, Topic>;
}

/**
 * Least privilege from the declaration's `environment` needs: PutEvents only on the bus and
 * only as `pulse.<service>`; DynamoDB only on the service's own tables and their declared
 * indexes, only the actions the access level needs; sns:Publish only on the declared topics.
 */
export function grantEnvironmentNeeds(fn: FunctionDeclaration, grantee: IGrantable, sources: PermissionSources): void {
  const needs = fn.environment ?? {};
  const role = grantee.grantPrincipal;
  const region = sources.region;

  if (needs.bus) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['events:PutEvents'],
        resources: [sources.platform.bus.eventBusArn],
        conditions: { StringEquals: { 'events:source': `pulse.${sources.service}` } },
      }),
    );
  }

  const tableNeeds = needs.tables ?? [];
  for (const { table: name, access } of tableNeeds) {
    const table = sources.tables.get(name);
    if (!table) throw new Error(`${sources.service}/${fn.name} needs table ${name}, which the service does not declare`);
    const indexes = [...(table.declaration.globalIndexes ?? []), ...(table.declaration.localIndexes ?? [])];
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: access === 'readWrite' ? [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS] : [...TABLE_READ_ACTIONS],
        resources: [table.table.tableArn, ...indexes.map((index) => `${table.table.tableArn}/index/${index.name}`)],
      }),
    );
  }
  if (tableNeeds.length > 0) {
    const writes = tableNeeds.some((need) => need.access === 'readWrite');
    role.addToPrincipalPolicy(
      new PolicyStatement({
        // Customer-managed table keys: DynamoDB uses the key on the caller's behalf, and only through DynamoDB.
        actions: writes ? ['kms:Decrypt', 'kms:DescribeKey', 'kms:Encrypt', 'kms:GenerateDataKey'] : ['kms:Decrypt', 'kms:DescribeKey'],
        resources: [sources.platform.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${region}.amazonaws.com` } },
      }),
    );
  }

  const topicNeeds = needs.topics ?? [];
  for (const name of topicNeeds) {
    const topic = sources.topics.get(name);
    if (!topic) throw new Error(`${sources.service}/${fn.name} needs topic ${name}, which the service does not declare`);
    role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sns:Publish'], resources: [topic.topicArn] }));
  }
  if (topicNeeds.length > 0) {
    role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: [sources.platform.key.keyArn],
        conditions: { StringEquals: { 'kms:ViaService': `sns.${region}.amazonaws.com` } },
      }),
    );
  }
}
