import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openFsyncAppender, type FsyncAppender } from './fsync-appender';

describe('fsync appender', () => {
  let directory: string;
  let appender: FsyncAppender | undefined;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'local-bus-appender-'));
  });
  afterEach(async () => {
    await appender?.close();
    appender = undefined;
    await rm(directory, { recursive: true, force: true });
  });

  it('writes every concurrent caller’s lines whole and in call order', async () => {
    // Prepare
    const path = join(directory, 'log.jsonl');
    appender = await openFsyncAppender(path);

    // Act
    await Promise.all(Array.from({ length: 200 }, (_, i) => appender!.append([`${i}-a`, `${i}-b`])));

    // Assess
    const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
    expect(lines).toEqual(Array.from({ length: 200 }, (_, i) => [`${i}-a`, `${i}-b`]).flat());
  });

  it('refuses appends after close', async () => {
    // Prepare
    const closed = await openFsyncAppender(join(directory, 'closed.jsonl'));
    await closed.close();

    // Act
    const appending = closed.append(['late']);

    // Assess
    await expect(appending).rejects.toThrow(/closed/);
  });

  it('on abort lands the batch already being written and drops, rejecting, the lines still waiting', async () => {
    // Prepare: the first append starts a write at once; the next two wait for it
    const path = join(directory, 'killed.jsonl');
    const killed = await openFsyncAppender(path);
    const writing = killed.append(['written']);
    const waiting = [killed.append(['dropped-1']), killed.append(['dropped-2'])];

    // Act
    await killed.abort();

    // Assess
    await expect(writing).resolves.toBeUndefined();
    for (const dropped of waiting) await expect(dropped).rejects.toThrow(/killed/);
    expect(await readFile(path, 'utf8')).toBe('written\n');
    await expect(killed.append(['late'])).rejects.toThrow(/closed/);
  });
});
