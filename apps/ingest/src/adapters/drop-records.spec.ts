import { Readable } from 'node:stream';
import type { DropRecord } from '../domain/ingest-drop';
import { csvRecords, MAX_LINE_CHARS, ndjsonRecords } from './drop-records';

async function collect(records: AsyncIterable<DropRecord>): Promise<DropRecord[]> {
  const all: DropRecord[] = [];
  for await (const record of records) all.push(record);
  return all;
}

describe('ndjsonRecords', () => {
  it('splits lines across chunk boundaries (even inside a UTF-8 character) and numbers them', async () => {
    // Prepare
    const text = '{"a":"é"}\r\n\n{"b":2}\n{"c": oops}\n{"d":4}';
    const bytes = Buffer.from(text);
    const chunks = [bytes.subarray(0, 7), bytes.subarray(7, 20), bytes.subarray(20)];
    // Act
    const records = await collect(ndjsonRecords(Readable.from(chunks)));
    // Assess
    expect(records).toEqual([
      { line: 1, value: { a: 'é' } },
      { line: 3, value: { b: 2 } },
      { line: 4, issues: [expect.objectContaining({ rule: 'json', line: 4, message: expect.stringContaining('at line 4,') })] },
      { line: 5, value: { d: 4 } },
    ]);
  });

  it('rejects an overlong line without buffering it, and carries on', async () => {
    // Prepare
    const long = 'x'.repeat(MAX_LINE_CHARS + 10);
    const chunks = [long.slice(0, MAX_LINE_CHARS / 2), long.slice(MAX_LINE_CHARS / 2) + '\n{"ok":1}\n'];
    // Act
    const records = await collect(ndjsonRecords(Readable.from(chunks)));
    // Assess
    expect(records).toEqual([{ line: 1, issues: [expect.objectContaining({ rule: 'maxLength' })] }, { line: 2, value: { ok: 1 } }]);
  });
});

describe('csvRecords', () => {
  it('reads rows by header, rejecting broken rows with their line', async () => {
    // Prepare
    const csv = 'deviceId,timestamp,pm25,humidity\ns1,1767225600000,12,\ns2,1767225600000\ns3,1,2,3,4\ns4,1767225600000,5,50\n';
    // Act
    const records = await collect(csvRecords(Readable.from([csv])));
    // Assess
    expect(records).toEqual([
      { line: 2, value: { deviceId: 's1', timestamp: 1767225600000, measurements: { pm25: 12 } } },
      { line: 3, value: { deviceId: 's2', timestamp: 1767225600000, measurements: {} } },
      { line: 4, issues: [expect.objectContaining({ rule: 'csv' })] },
      { line: 5, value: { deviceId: 's4', timestamp: 1767225600000, measurements: { pm25: 5, humidity: 50 } } },
    ]);
  });

  it('rejects the whole file at line 1 when the header has unknown columns', async () => {
    // Act
    const records = await collect(csvRecords(Readable.from(['device,timestamp,pm25\ns1,1,2\n'])));
    // Assess
    expect(records).toEqual([{ line: 1, issues: expect.arrayContaining([expect.objectContaining({ path: 'device', rule: 'additionalProperties' })]) }]);
  });
});
