import { validationError } from './aws-error';
import { optionalNumber, optionalString, type Input } from './input';

/** One page of `items` per the request's NextToken/Limit (the token is the next index, base64). */
export function page<T>(items: readonly T[], input: Input, limitName = 'Limit'): { items: T[]; nextToken?: string } {
  const token = optionalString(input, 'NextToken');
  const start = token === undefined ? 0 : Number(Buffer.from(token, 'base64').toString('utf8'));
  if (!Number.isInteger(start) || start < 0) throw validationError('The NextToken is not valid.');
  const limit = optionalNumber(input, limitName) ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw validationError(`1 validation error detected: Value '${limit}' at '${limitName.toLowerCase()}' failed to satisfy constraint: Member must have value between 1 and 100`);
  }
  const end = start + limit;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64') } : {}),
  };
}
