import fc from 'fast-check';
import { isMalformedJson } from './body-defects';
import { safeJsonValue } from './json-values';

/** A source no rule matches: accepted entries are archived and go nowhere. */
export const FUZZ_SOURCE = 'reliability.fuzz';

/** One PutEvents entry as sent (any JSON), and the outcome EventBridge gives it. */
export interface FuzzEntry {
  readonly kind: string;
  readonly entry: Readonly<Record<string, unknown>>;
  /** undefined: accepted (an EventId); otherwise the entry's ErrorCode. */
  readonly errorCode: string | undefined;
}

const nonString = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.string(), { maxKeys: 2 }));
const detailObject = fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), safeJsonValue, { maxKeys: 5 }).map((value) => JSON.stringify(value));

const validEntry = fc
  .record(
    {
      Source: fc.constant(FUZZ_SOURCE),
      DetailType: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }),
      Detail: detailObject,
      EventBusName: fc.constantFrom('pulse-local', 'arn:aws:events:us-east-1:000000000000:event-bus/pulse-local'),
      Resources: fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }),
      Time: fc.integer({ min: 0, max: 4_000_000_000 }),
    },
    { requiredKeys: ['Source', 'DetailType', 'Detail'] },
  )
  .map((entry) => ({ ...entry }) as Record<string, unknown>);

const fuzzEntry = (kind: string, errorCode: string | undefined) => (entry: Record<string, unknown>): FuzzEntry => ({ kind, entry, errorCode });
const without = (entry: Record<string, unknown>, key: string) => Object.fromEntries(Object.entries(entry).filter(([k]) => k !== key));

/** A well-formed entry, or one with a single defect EventBridge reports in the entry's place. */
export function putEventsEntry(): fc.Arbitrary<FuzzEntry> {
  const broken = (field: 'Source' | 'DetailType' | 'Detail') =>
    fc
      .tuple(validEntry, fc.oneof(fc.constant<unknown>(undefined), fc.constant(''), nonString))
      .map(([entry, value]) => fuzzEntry(`${field} missing, empty or not a string`, 'InvalidArgument')(value === undefined ? without(entry, field) : { ...entry, [field]: value }));
  return fc.oneof(
    { weight: 30, arbitrary: validEntry.map(fuzzEntry('well-formed entry', undefined)) },
    { weight: 8, arbitrary: broken('Source') },
    { weight: 8, arbitrary: broken('DetailType') },
    { weight: 8, arbitrary: broken('Detail') },
    {
      weight: 12,
      arbitrary: fc
        .tuple(validEntry, fc.oneof(fc.string({ minLength: 1, maxLength: 60 }).filter(isMalformedJson), fc.constantFrom('[]', '[1,2]', '42', '"text"', 'null', 'true', '{"a":1', "{'a':1}")))
        .map(([entry, detail]) => fuzzEntry('Detail not a JSON object', 'MalformedDetail')({ ...entry, Detail: detail })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(validEntry, fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), fc.array(fc.oneof(fc.integer(), fc.constant(null)), { minLength: 1, maxLength: 3 })))
        .map(([entry, resources]) => fuzzEntry('Resources not a list of strings', 'InvalidArgument')({ ...entry, Resources: resources })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(validEntry, fc.oneof(fc.constantFrom('yesterday', 'not-a-date', '2024-13-45'), fc.boolean(), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 1 }), fc.constantFrom(1e20, -1e20)))
        .map(([entry, time]) => fuzzEntry('Time not a timestamp', 'InvalidArgument')({ ...entry, Time: time })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(validEntry, fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/).filter((name) => name !== 'pulse-local' && name !== 'default'))
        .map(([entry, bus]) => fuzzEntry('no such bus', 'ResourceNotFoundException')({ ...entry, EventBusName: bus })),
    },
    {
      weight: 6,
      arbitrary: fc
        .tuple(validEntry, fc.stringMatching(/^[a-z0-9.]{1,20}$/))
        .map(([entry, service]) => fuzzEntry('aws.* source', 'NotAuthorizedForSourceException')({ ...entry, Source: `aws.${service}` })),
    },
  );
}

/** A raw PutEvents call that is malformed as a whole: 400 with an AWS error type, never a 5xx. */
export interface FuzzCall {
  readonly kind: string;
  readonly target: string;
  readonly body: Buffer;
  readonly errorType: string;
}

const PUT_EVENTS = 'AWSEvents.PutEvents';

export function malformedPutEventsCall(): fc.Arbitrary<FuzzCall> {
  const call = (kind: string, errorType: string, target = PUT_EVENTS) => (text: string | Buffer): FuzzCall => {
    const body = typeof text === 'string' ? Buffer.from(text) : text;
    return { kind, target, errorType, body, [fc.toStringMethod]: () => `${kind} → ${errorType} (${body.length} bytes): ${JSON.stringify(body.subarray(0, 200).toString('utf8'))}` } as FuzzCall;
  };
  const entries = fc.array(validEntry, { minLength: 1, maxLength: 3 });
  return fc.oneof(
    fc.string({ minLength: 1, maxLength: 200, unit: 'binary' }).filter(isMalformedJson).map(call('body not JSON', 'SerializationException')),
    fc.uint8Array({ minLength: 1, maxLength: 300 }).filter((raw) => isMalformedJson(Buffer.from(raw).toString('utf8'))).map((raw) => call('body of random bytes', 'SerializationException')(Buffer.from(raw))),
    fc.constantFrom('[]', '42', '"entries"', 'null', 'true', '[{"Entries":[]}]').map(call('body not an object', 'SerializationException')),
    fc.oneof(fc.string(), fc.integer(), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })).map((value) => call('Entries not a list', 'ValidationException')(JSON.stringify({ Entries: value }))),
    fc.constantFrom('{"Entries":[]}', '{}').map(call('no entries', 'ValidationException')),
    fc.array(validEntry, { minLength: 11, maxLength: 20 }).map((list) => call('over 10 entries', 'ValidationException')(JSON.stringify({ Entries: list }))),
    fc
      .tuple(entries, fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 })), fc.nat())
      .map(([list, item, at]) => {
        const all: unknown[] = [...list];
        all.splice(at % (list.length + 1), 0, item);
        return call('an entry not an object', 'ValidationException')(JSON.stringify({ Entries: all.slice(0, 10) }));
      }),
    fc
      .integer({ min: 3, max: 6 })
      .map((count) =>
        call('entries over 256 KB', 'ValidationException')(
          JSON.stringify({ Entries: Array.from({ length: count }, () => ({ Source: FUZZ_SOURCE, DetailType: 'Big', Detail: JSON.stringify({ pad: 'p'.repeat(100_000) }) })) }),
        ),
      ),
    fc
      .tuple(fc.constantFrom('', 'AWSEvents.Nope', 'AWSEvents.', 'Kinesis_20131202.PutRecords', 'AWSEvents.putevents'), entries)
      .map(([target, list]) => call('unknown operation', 'UnknownOperationException', target)(JSON.stringify({ Entries: list }))),
  );
}
