import type { Fail } from '../operators/numeric';

/** A match expression (`{ "prefix": "x" }`) names exactly one operator. */
export function singleEntry(expression: Record<string, unknown>, fail: Fail): [string, unknown] {
  const entries = Object.entries(expression);
  if (entries.length === 0) fail('Empty objects are not allowed');
  if (entries.length > 1) fail('Only one key allowed in match expression');
  return entries[0] as [string, unknown];
}
