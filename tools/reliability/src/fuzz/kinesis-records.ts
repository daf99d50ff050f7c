import fc from 'fast-check';
import { FLEET_ID_PATTERN, FORBIDDEN_KEYS, formatPath } from '@pulse/schemas';
import { isMalformedJson } from './body-defects';
import { arrayText, objectText, quoted, type Members, type Piece } from './json-text';
import { anyJsonText, jsonOfTypes, unknownKey } from './json-values';
import { defectiveReading, type DefectiveReading } from './reading-defects';
import { readingIdOf, readingText, validReading, type FuzzContext } from './valid-reading';

export interface IssueAt {
  readonly path: string;
  readonly rules: readonly string[];
}

/** What ingest does with one Kinesis record. */
export type RecordExpectation =
  /** Its valid readings published; each invalid one rejected by index and logged with the record's sequence number. */
  | { readonly outcome: 'published'; readonly readingIds: readonly string[]; readonly rejected: readonly { readonly index: number; readonly issue: IssueAt }[] }
  /** Not a `{ fleetId, readings }` record: logged with its sequence number and skipped, never retried. */
  | { readonly outcome: 'malformed'; readonly issue: IssueAt };

export interface FuzzRecord {
  readonly kind: string;
  readonly data: Buffer;
  readonly expected: RecordExpectation;
}

export interface ChannelFuzzContext {
  /** Registered devices for the valid readings. */
  readonly good: FuzzContext;
  /** Registered devices for the defective readings: none of theirs may ever be published. */
  readonly bad: FuzzContext;
  readonly fleetId: string;
  /** A fleet that owns none of these devices: its records' readings are all refused. */
  readonly strangerFleetId: string;
}

const FLEET_ID = new RegExp(FLEET_ID_PATTERN);

function fuzzRecord(kind: string, data: Buffer, expected: RecordExpectation): FuzzRecord {
  return { kind, data, expected, [fc.toStringMethod]: () => `${kind}: ${JSON.stringify(data.subarray(0, 300).toString('utf8'))} → ${JSON.stringify(expected)}` } as FuzzRecord;
}

export const payloadText = (fleetId: Piece, readings: readonly Piece[], extra: Members = []): Buffer =>
  objectText([[quoted('fleetId'), fleetId], [quoted('readings'), arrayText(readings)], ...extra]);

const validTexts = (context: FuzzContext, min: number, max: number) =>
  fc.array(validReading(context).map((parts) => readingText(parts)), { minLength: min, maxLength: max });

/** How a defective reading is reported: its own issue, or (syntax, forbidden key) the whole record's. */
export const issueOf = (reading: DefectiveReading): IssueAt =>
  reading.defect.level === 'syntax' ? { path: '', rules: ['json'] } : { path: reading.defect.path, rules: reading.defect.level === 'forbiddenKey' ? ['forbiddenKey'] : reading.defect.rules };

/** Records whose readings are all valid. */
export function goodRecord(context: ChannelFuzzContext): fc.Arbitrary<FuzzRecord> {
  return validTexts(context.good, 1, 3).map((texts) =>
    fuzzRecord('valid record', payloadText(quoted(context.fleetId), texts), { outcome: 'published', readingIds: texts.map(readingIdOf), rejected: [] }),
  );
}

/** Valid readings beside readings with one schema defect each: the valid published, the others rejected by index. */
export function mixedRecord(context: ChannelFuzzContext): fc.Arbitrary<FuzzRecord> {
  const good = validReading(context.good).map((parts) => ({ text: readingText(parts), defective: undefined }));
  const bad = defectiveReading(context.bad, ['schema']).map((reading) => ({ text: reading.text, defective: reading }));
  return fc
    .tuple(fc.array(good, { maxLength: 3 }), fc.array(bad, { minLength: 1, maxLength: 3 }))
    .chain(([valid, invalid]) => fc.shuffledSubarray([...valid, ...invalid], { minLength: valid.length + invalid.length }))
    .map((items) =>
      fuzzRecord('record with invalid readings', payloadText(quoted(context.fleetId), items.map((item) => item.text)), {
        outcome: 'published',
        readingIds: items.filter((item) => item.defective === undefined).map((item) => readingIdOf(item.text)),
        rejected: items.flatMap((item, index) => (item.defective ? [{ index, issue: issueOf(item.defective) }] : [])),
      }),
    );
}

/** Valid readings under a fleet that owns none of their devices: every one refused for ownership. */
export function strangerRecord(context: ChannelFuzzContext): fc.Arbitrary<FuzzRecord> {
  return validTexts(context.good, 1, 3).map((texts) =>
    fuzzRecord('record of another fleet’s devices', payloadText(quoted(context.strangerFleetId), texts), {
      outcome: 'published',
      readingIds: [],
      rejected: texts.map((_, index) => ({ index, issue: { path: 'deviceId', rules: ['ownership'] } })),
    }),
  );
}

/** Data that is not a `{ fleetId, readings }` record at all. */
export function malformedRecord(context: ChannelFuzzContext): fc.Arbitrary<FuzzRecord> {
  const fleet = quoted(context.fleetId);
  const valid = validTexts(context.good, 1, 2);
  const malformed = (kind: string, issue: IssueAt) => (data: Buffer) => fuzzRecord(kind, data, { outcome: 'malformed', issue });
  return fc.oneof(
    fc.uint8Array({ minLength: 1, maxLength: 300 }).filter((raw) => isMalformedJson(Buffer.from(raw).toString('utf8'))).map((raw) => malformed('random bytes', { path: '', rules: ['json'] })(Buffer.from(raw))),
    fc
      .tuple(valid, fc.nat())
      .map(([texts, at]) => {
        const whole = payloadText(fleet, texts);
        return malformed('record cut short', { path: '', rules: ['json'] })(whole.subarray(0, 1 + (at % (whole.length - 1))));
      }),
    jsonOfTypes('number', 'string', 'boolean', 'null', 'array').map((value) => malformed('not an object', { path: '', rules: ['type'] })(Buffer.from(value))),
    valid.map((texts) => malformed('no fleetId', { path: 'fleetId', rules: ['required'] })(objectText([[quoted('readings'), arrayText(texts)]]))),
    fc
      .tuple(fc.oneof(fc.string({ maxLength: 70 }).filter((id) => !FLEET_ID.test(id)).map(quoted), jsonOfTypes('number', 'boolean', 'null', 'array', 'object')), valid)
      .map(([fleetId, texts]) => malformed('invalid fleetId', { path: 'fleetId', rules: ['pattern', 'minLength', 'maxLength', 'type'] })(payloadText(fleetId, texts))),
    fc.constant(malformed('no readings', { path: 'readings', rules: ['required'] })(objectText([[quoted('fleetId'), fleet]]))),
    fc.constant(malformed('empty readings', { path: 'readings', rules: ['minItems'] })(payloadText(fleet, []))),
    jsonOfTypes('number', 'string', 'boolean', 'null', 'object').map((value) =>
      malformed('readings not a list', { path: 'readings', rules: ['type'] })(objectText([[quoted('fleetId'), fleet], [quoted('readings'), value]])),
    ),
    fc
      .tuple(unknownKey(['fleetId']), anyJsonText, valid)
      .map(([key, value, texts]) => malformed('unknown key', { path: formatPath([key]), rules: ['additionalProperties'] })(payloadText(fleet, texts, [[quoted(key), value]]))),
    fc
      .tuple(fc.constantFrom(...FORBIDDEN_KEYS), anyJsonText, valid)
      .map(([key, value, texts]) => malformed('forbidden key', { path: key, rules: ['forbiddenKey'] })(payloadText(fleet, texts, [[quoted(key), value]]))),
    fc.tuple(defectiveReading(context.bad, ['syntax', 'forbiddenKey']), valid).map(([broken, texts]) => {
      const issue = issueOf(broken);
      const path = broken.defect.level === 'syntax' ? '' : formatPath(['readings', texts.length]) + (issue.path.startsWith('[') ? issue.path : `.${issue.path}`);
      return malformed('reading that does not parse', { path, rules: issue.rules })(payloadText(fleet, [...texts, broken.text]));
    }),
  );
}

/** One PutRecords call's worth: 1–6 records of every kind. */
export function recordBatch(context: ChannelFuzzContext): fc.Arbitrary<FuzzRecord[]> {
  const record = fc.oneof(
    { weight: 35, arbitrary: goodRecord(context) },
    { weight: 30, arbitrary: mixedRecord(context) },
    { weight: 30, arbitrary: malformedRecord(context) },
    { weight: 5, arbitrary: strangerRecord(context) },
  );
  return fc.array(record, { minLength: 1, maxLength: 6 });
}
