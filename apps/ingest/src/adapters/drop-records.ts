import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import { parseJson, type ValidationIssue } from '@pulse/schemas';
import { csvHeaderIssues, csvRowToReading } from '../domain/csv-reading';
import type { DropRecord } from '../domain/ingest-drop';

/** Far above any valid reading (~600 bytes): a longer line is rejected without being buffered. */
export const MAX_LINE_CHARS = 64 * 1024;

/** NDJSON from a byte stream, one record per non-blank line, without holding more than one line. */
export async function* ndjsonRecords(input: AsyncIterable<Buffer | string>): AsyncGenerator<DropRecord> {
  const decoder = new StringDecoder('utf8');
  let carry = '';
  let line = 0;
  let overlong = false;
  const record = (text: string): DropRecord | undefined => {
    line += 1;
    if (overlong || text.length > MAX_LINE_CHARS) {
      overlong = false;
      return { line, issues: [{ path: '', rule: 'maxLength', message: `line ${line} is longer than ${MAX_LINE_CHARS} characters` }] };
    }
    const trimmed = text.replace(/\r$/, '');
    if (trimmed.trim() === '') return undefined;
    const parsed = parseJson(trimmed);
    return parsed.ok ? { line, value: parsed.value } : { line, issues: parsed.errors.map((issue) => atLine(issue, line)) };
  };
  for await (const chunk of input) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    const lines = text.split('\n');
    carry = lines.pop() ?? '';
    for (const each of lines) {
      const next = record(each);
      if (next) yield next;
    }
    if (carry.length > MAX_LINE_CHARS) {
      overlong = true;
      carry = '';
    }
  }
  carry += decoder.end();
  if (carry !== '' || overlong) {
    const last = record(carry);
    if (last) yield last;
  }
}

function atLine(issue: ValidationIssue, line: number): ValidationIssue {
  return { ...issue, line, message: issue.rule === 'json' ? issue.message.replace(/at line \d+,/, `at line ${line},`) : issue.message };
}

/**
 * CSV with the drop header from a byte stream. Rows with too many cells or broken quoting
 * are rejected with their line; a header with unknown columns rejects the file at line 1.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<DropRecord> {
  let headerIssues: ValidationIssue[] = [];
  const skipped: DropRecord[] = [];
  const parser = parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count_less: true,
    skip_records_with_error: true,
    info: true,
    columns: (header: string[]) => {
      headerIssues = csvHeaderIssues(header);
      return header;
    },
    on_skip: (error) => {
      skipped.push({ line: typeof error?.lines === 'number' ? error.lines : 0, issues: [{ path: '', rule: 'csv', message: error?.message ?? 'unreadable CSV row' }] });
      return undefined;
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  for await (const { record, info } of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (headerIssues.length > 0) break;
    while (skipped.length > 0 && skipped[0].line < info.lines) yield skipped.shift() as DropRecord;
    yield { line: info.lines, value: csvRowToReading(record) };
  }
  if (headerIssues.length > 0) {
    input.destroy();
    yield { line: 1, issues: headerIssues };
    return;
  }
  yield* skipped;
}
