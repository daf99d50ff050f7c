import { FIVE_SERVICES } from '@pulse/local-bus';
import { declaredDeadLetterQueues } from './declared-queues';

describe('declaredDeadLetterQueues', () => {
  it('lists every DLQ of the five services once, with what fails into it', () => {
    const queues = declaredDeadLetterQueues(FIVE_SERVICES);

    expect(queues.map((q) => q.queue)).toEqual(['alert-dlq', 'alert-notify-dlq', 'enrich-dlq', 'ingest-kinesis-dlq', 'ingest-s3-dlq', 'persist-dlq', 'transform-dlq']);
    expect(queues.find((q) => q.queue === 'alert-notify-dlq')?.feeds).toEqual([
      'alert-notify-all → alerts',
      'alert-notify-webhook → alerts-webhook',
      'alert-page-unhealthy → pager',
    ]);
    expect(queues.find((q) => q.queue === 'ingest-s3-dlq')?.feeds).toEqual(['s3 Drops → receive-s3-readings']);
  });
});
