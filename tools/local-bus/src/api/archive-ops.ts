import { archiveArn, nameFromArn } from '../rules/arns';
import type { ArchiveMeta } from './archive-registry';
import { AwsError, notFound, validationError } from './aws-error';
import { existingBus, type BusContext } from './bus-context';
import { epochSeconds, optionalNumber, optionalString, requiredString, type Input } from './input';
import { page } from './pagination';
import { asAwsError } from './test-event-pattern';

export function createArchive(input: Input, ctx: BusContext) {
  const name = requiredString(input, 'ArchiveName');
  const eventSourceArn = requiredString(input, 'EventSourceArn');
  const busName = existingBus(ctx, eventSourceArn);
  if (ctx.archives.archives.has(name)) throw new AwsError('ResourceAlreadyExistsException', `Archive ${name} already exists.`);
  const retentionDays = optionalNumber(input, 'RetentionDays') ?? 0;
  if (!Number.isInteger(retentionDays) || retentionDays < 0) throw validationError('Parameter RetentionDays is not valid. Reason: RetentionDays must be 0 or more.');
  const description = optionalString(input, 'Description');
  const eventPattern = optionalString(input, 'EventPattern');
  let archive: ArchiveMeta;
  try {
    archive = ctx.archives.add({
      name,
      arn: archiveArn(ctx.scope, name),
      eventSourceArn,
      busName,
      ...(description === undefined ? {} : { description }),
      ...(eventPattern === undefined ? {} : { eventPattern }),
      retentionDays,
      createdAt: ctx.now(),
    });
  } catch (error) {
    throw asAwsError(error);
  }
  return { ArchiveArn: archive.arn, State: 'ENABLED', CreationTime: epochSeconds(archive.createdAt) };
}

export function describeArchive(input: Input, ctx: BusContext) {
  const archive = existingArchive(ctx, requiredString(input, 'ArchiveName'));
  return {
    ArchiveArn: archive.arn,
    ...summary(archive),
    ...(archive.description === undefined ? {} : { Description: archive.description }),
    ...(archive.eventPattern === undefined ? {} : { EventPattern: archive.eventPattern }),
  };
}

export function listArchives(input: Input, ctx: BusContext) {
  const prefix = optionalString(input, 'NamePrefix') ?? '';
  const source = optionalString(input, 'EventSourceArn');
  const archives = [...ctx.archives.archives.values()].filter(
    (a) => a.name.startsWith(prefix) && (source === undefined || a.eventSourceArn === source),
  );
  const { items, nextToken } = page(archives, input);
  return { Archives: items.map(summary), ...(nextToken ? { NextToken: nextToken } : {}) };
}

/** An archive by name or ARN, else AWS's ResourceNotFoundException. */
export function existingArchive(ctx: BusContext, nameOrArn: string): ArchiveMeta {
  const name = nameFromArn(nameOrArn, 'archive');
  const archive = ctx.archives.archives.get(name);
  if (archive === undefined) throw notFound(`Archive ${name} does not exist.`);
  return archive;
}

function summary(archive: ArchiveMeta) {
  return {
    ArchiveName: archive.name,
    EventSourceArn: archive.eventSourceArn,
    State: 'ENABLED',
    RetentionDays: archive.retentionDays,
    SizeBytes: archive.sizeBytes,
    EventCount: archive.eventCount,
    CreationTime: epochSeconds(archive.createdAt),
  };
}
