import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BusEvent } from '../model';
import { busEvent } from '../delivery/__fixtures__/deliveries';
import { createFileArchive, type FileArchive } from './file-archive';

async function collect(events: AsyncIterable<BusEvent>): Promise<string[]> {
  const ids: string[] = [];
  for await (const event of events) ids.push(event.id);
  return ids;
}

describe('file archive', () => {
  let directory: string;
  let archive: FileArchive | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-archive-'));
  });
  afterEach(async () => {
    await archive?.close();
    archive = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('reads back only the events of a time window, oldest first, across hour files', async () => {
    // Prepare: appended out of order, spread over three hours
    archive = createFileArchive({ directory });
    const at = (id: string, iso: string) => busEvent(id, new Date(iso));
    await archive.append([at('c', '2026-11-22T11:30:00Z'), at('a', '2026-11-22T10:59:59Z'), at('e', '2026-11-22T12:05:00Z')]);
    await archive.append([at('b', '2026-11-22T11:00:00Z'), at('d', '2026-11-22T11:59:59Z'), at('f', '2026-11-22T12:10:00Z')]);

    // Act
    const window = await collect(archive.read(new Date('2026-11-22T11:00:00Z'), new Date('2026-11-22T12:10:00Z')));

    // Assess
    expect(window).toEqual(['b', 'c', 'd', 'e']);
    expect((await readdir(directory)).sort()).toEqual([
      'events-2026-11-22T10.jsonl',
      'events-2026-11-22T11.jsonl',
      'events-2026-11-22T12.jsonl',
    ]);
  });

  it('keeps every event when one append spans more hour files than it keeps open', async () => {
    // Prepare: ten hours in one call, more than the appenders kept open
    archive = createFileArchive({ directory });
    const events = Array.from({ length: 10 }, (_, h) => busEvent(`h${h}`, new Date(Date.UTC(2026, 10, 22, h, 30))));

    // Act
    await archive.append(events);
    await archive.append([busEvent('h0-again', new Date(Date.UTC(2026, 10, 22, 0, 45)))]);
    const read = await collect(archive.read(new Date('2026-11-22T00:00:00Z'), new Date('2026-11-23T00:00:00Z')));

    // Assess
    expect(read).toEqual(['h0', 'h0-again', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8', 'h9']);
  });

  it('keeps events on disk for a new archive on the same directory', async () => {
    // Prepare
    const first = createFileArchive({ directory });
    await first.append([busEvent('kept', new Date('2026-11-22T09:15:00Z'))]);
    await first.close();

    // Act
    archive = createFileArchive({ directory });
    const read = await collect(archive.read(new Date('2026-11-22T09:00:00Z'), new Date('2026-11-22T10:00:00Z')));

    // Assess
    expect(read).toEqual(['kept']);
  });

  it('keeps only what the filter accepts, reading line by line', async () => {
    // Prepare
    archive = createFileArchive({ directory });
    const hour = (minute: number) => new Date(Date.UTC(2026, 10, 22, 9, minute));
    await archive.append(Array.from({ length: 50 }, (_, i) => busEvent(`e${i}`, hour(i % 60))));

    // Act
    const read = await collect(archive.read(hour(0), hour(59), (event) => Number(event.id.slice(1)) % 10 === 0));

    // Assess
    expect(read).toEqual(['e0', 'e10', 'e20', 'e30', 'e40']);
  });

  it('reads nothing from an archive that has never been written', async () => {
    // Prepare
    archive = createFileArchive({ directory: join(directory, 'missing') });

    // Act
    const read = await collect(archive.read(new Date(0), new Date()));

    // Assess
    expect(read).toEqual([]);
  });
});
