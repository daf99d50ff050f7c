import { duplicates } from './declaration-error';
import type { EventSourceDeclaration, ServiceDeclaration } from './service-declaration';

/** Checks the non-bus triggers against the functions, streams and buckets declared. */
export function eventSourceProblems(service: ServiceDeclaration): string[] {
  const functions = new Set(service.functions.map((f) => f.name));
  const streams = new Set((service.streams ?? []).map((s) => s.name));
  const buckets = new Set((service.buckets ?? []).map((b) => b.name));
  const problems: string[] = [];
  for (const name of duplicates((service.streams ?? []).map((s) => s.name))) problems.push(`duplicate stream name '${name}'`);
  for (const name of duplicates((service.buckets ?? []).map((b) => b.name))) problems.push(`duplicate bucket name '${name}'`);
  for (const source of service.eventSources ?? []) {
    const at = `${source.kind} event source for '${source.function}'`;
    if (!functions.has(source.function)) problems.push(`${at}: unknown function '${source.function}'`);
    problems.push(...(source.kind === 'kinesis' ? kinesisProblems(source, streams, at) : s3Problems(source, buckets, at)));
    if (!source.onFailureQueue) problems.push(`${at}: a failure queue is required`);
  }
  return problems;
}

function kinesisProblems(source: Extract<EventSourceDeclaration, { kind: 'kinesis' }>, streams: Set<string>, at: string) {
  const problems: string[] = [];
  if (!streams.has(source.stream)) problems.push(`${at}: unknown stream '${source.stream}'`);
  if (!inRange(source.batchSize, 1, 10_000)) problems.push(`${at}: batchSize must be 1–10000`);
  if (!inRange(source.maximumBatchingWindowSeconds, 0, 300)) problems.push(`${at}: maximumBatchingWindowSeconds must be 0–300`);
  if (source.maximumRetryAttempts !== -1 && !inRange(source.maximumRetryAttempts, 0, 10_000)) {
    problems.push(`${at}: maximumRetryAttempts must be -1 or 0–10000`);
  }
  if (source.maximumRecordAgeSeconds !== -1 && !inRange(source.maximumRecordAgeSeconds, 60, 604_800)) {
    problems.push(`${at}: maximumRecordAgeSeconds must be -1 or 60–604800`);
  }
  return problems;
}

function s3Problems(source: Extract<EventSourceDeclaration, { kind: 's3' }>, buckets: Set<string>, at: string) {
  const problems: string[] = [];
  if (!buckets.has(source.bucket)) problems.push(`${at}: unknown bucket '${source.bucket}'`);
  if (!inRange(source.maximumRetryAttempts, 0, 2)) problems.push(`${at}: maximumRetryAttempts must be 0–2`);
  if (source.events.length === 0) problems.push(`${at}: at least one event type is required`);
  return problems;
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}
