import { duplicates } from './declaration-error';
import type { KeyAttribute, ServiceDeclaration, TableDeclaration } from './service-declaration';

// DynamoDB's per-table index limits.
const MAX_GSI = 20;
const MAX_LSI = 5;

export function resourceProblems(service: ServiceDeclaration): string[] {
  const problems: string[] = [];
  const tables = service.tables ?? [];
  for (const name of duplicates(tables.map((t) => t.name))) problems.push(`duplicate table name '${name}'`);
  for (const name of duplicates((service.topics ?? []).map((t) => t.name))) problems.push(`duplicate topic name '${name}'`);
  for (const table of tables) problems.push(...tableProblems(table));
  const expectedSource = `pulse.${service.name}`;
  for (const contract of service.emits ?? []) {
    if (contract.source !== expectedSource) {
      problems.push(`emits '${contract.name}' whose source '${contract.source}' is not '${expectedSource}'`);
    }
  }
  return problems;
}

function tableProblems(table: TableDeclaration): string[] {
  const at = `table '${table.name}'`;
  const problems: string[] = [];
  const gsis = table.globalIndexes ?? [];
  const lsis = table.localIndexes ?? [];
  for (const name of duplicates([...gsis, ...lsis].map((i) => i.name))) problems.push(`${at}: duplicate index name '${name}'`);
  if (gsis.length > MAX_GSI) problems.push(`${at}: more than ${MAX_GSI} global indexes`);
  if (lsis.length > MAX_LSI) problems.push(`${at}: more than ${MAX_LSI} local indexes`);
  if (lsis.length > 0 && !table.sortKey) problems.push(`${at}: local indexes need a table sort key`);
  // One attribute, one type: DynamoDB rejects AttributeDefinitions that disagree.
  const keys: KeyAttribute[] = [table.partitionKey, ...optional(table.sortKey)];
  for (const gsi of gsis) keys.push(gsi.partitionKey, ...optional(gsi.sortKey));
  for (const lsi of lsis) keys.push(lsi.sortKey);
  const types = new Map<string, string>();
  for (const key of keys) {
    const known = types.get(key.name);
    if (known && known !== key.type) problems.push(`${at}: attribute '${key.name}' is both ${known} and ${key.type}`);
    types.set(key.name, key.type);
  }
  if (table.timeToLiveAttribute && types.has(table.timeToLiveAttribute)) {
    problems.push(`${at}: the TTL attribute cannot be a key attribute`);
  }
  return problems;
}

function optional<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}
