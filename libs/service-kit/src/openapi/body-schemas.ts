import { Type, type TSchema } from '@sinclair/typebox';

/** The conventions' error body as a schema: documented for every 4xx/5xx of every route. */
export const ValidationIssueSchema = Type.Object(
  { path: Type.String(), rule: Type.String(), message: Type.String() },
  { additionalProperties: false },
);

export const ErrorBodySchema = Type.Object(
  {
    error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: false }),
    errors: Type.Optional(Type.Array(ValidationIssueSchema)),
  },
  { additionalProperties: false, title: 'ErrorBody' },
);

/** The conventions' list body around an item schema: `{ items, nextCursor }`. */
export function ListBodySchema<T extends TSchema>(item: T) {
  return Type.Object(
    { items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) },
    { additionalProperties: false },
  );
}
