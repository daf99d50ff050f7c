import type { Input } from './input-reader';

type Tree = { [key: string]: Tree | string };

/**
 * Turns the Query protocol's flattened form (`Attribute.1.Name=…`, `MessageAttribute.1.Value.DataType=…`,
 * `SendMessageBatchRequestEntry.2.MessageBody=…`) into the JSON protocol's input shape, so one
 * implementation serves both protocols.
 */
export function queryToInput(params: URLSearchParams): Input {
  const tree: Tree = {};
  for (const [key, value] of params) {
    if (key === 'Action' || key === 'Version') continue;
    const path = key.split('.');
    let node = tree;
    for (const segment of path.slice(0, -1)) {
      const child = node[segment];
      node = typeof child === 'object' ? child : (node[segment] = {});
    }
    node[path[path.length - 1]] = value;
  }
  return normalise(listify(tree) as Input);
}

/** Objects keyed 1..n become arrays in index order. */
function listify(node: Tree | string): unknown {
  if (typeof node === 'string') return node;
  const keys = Object.keys(node);
  if (keys.length > 0 && keys.every((key) => /^\d+$/.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => listify(node[key]));
  }
  return Object.fromEntries(keys.map((key) => [key, listify(node[key])]));
}

const LISTS: Record<string, string> = {
  AttributeName: 'AttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
};

function normalise(input: Input): Input {
  const result: Input = {};
  for (const [key, value] of Object.entries(input)) {
    const items = Array.isArray(value) ? (value as unknown[]) : [value];
    if (key in LISTS) result[LISTS[key]] = items;
    else if (key === 'Attribute') result.Attributes = pairs(items, 'Name', 'Value');
    else if (key === 'Tag') result.Tags = pairs(items, 'Key', 'Value');
    else if (key === 'MessageAttribute') result.MessageAttributes = pairs(items, 'Name', 'Value');
    else if (key.endsWith('BatchRequestEntry')) result.Entries = items.map((entry) => normalise((entry ?? {}) as Input));
    else result[key] = value;
  }
  return result;
}

function pairs(items: unknown[], keyField: string, valueField: string): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const item of items) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    if (typeof entry[keyField] === 'string') map[entry[keyField] as string] = entry[valueField];
  }
  return map;
}
