import { CfnRegistry, CfnSchema } from 'aws-cdk-lib/aws-eventschemas';
import { toRegistrySchema, type EventContract } from '@pulse/schemas';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/** JSON Schema Draft 4 is the only JSON flavour the registry accepts. */
export const REGISTRY_SCHEMA_TYPE = 'JSONSchemaDraft4';

/** '<source>@<DetailType>V<version>', like discovered schemas plus the version (v1 and v2 coexist). */
export function registrySchemaName(contract: EventContract<unknown>): string {
  return `${contract.source}@${contract.detailType}V${contract.version}`;
}

/**
 * The registry, generated from libs/schemas so the contract has one source: code bindings
 * and the console's event browser see exactly what the validators enforce.
 */
export function createSchemaRegistry(
  scope: Construct,
  settings: EnvironmentSettings,
  contracts: readonly EventContract<unknown>[],
): CfnRegistry {
  const registry = new CfnRegistry(scope, 'SchemaRegistry', {
    registryName: `pulse-${settings.name}`,
    description: `Pulse ${settings.name} event contracts (generated from libs/schemas)`,
  });
  for (const contract of contracts) {
    // Referencing attrRegistryName orders the schema after its registry.
    new CfnSchema(scope, `Schema${contract.name}V${contract.version}`, {
      registryName: registry.attrRegistryName,
      schemaName: registrySchemaName(contract),
      type: REGISTRY_SCHEMA_TYPE,
      description: contract.description,
      content: JSON.stringify(toRegistrySchema(contract)),
    });
  }
  return registry;
}
