import { emfSeries } from './emf-series';

describe('emfSeries', () => {
  it('counts one series per namespace, metric and dimension values, across lines', () => {
    // Prepare
    const line = (channel: string) =>
      JSON.stringify({
        _aws: { Timestamp: 1, CloudWatchMetrics: [{ Namespace: 'Pulse', Dimensions: [['service', 'channel']], Metrics: [{ Name: 'accepted' }, { Name: 'rejected' }] }] },
        service: 'ingest',
        channel,
        accepted: 1,
        rejected: 0,
      });
    // Act
    const series = emfSeries([line('http'), line('http'), line('kinesis'), 'not json', '{"plain":"log line"}']);
    // Assess
    expect([...series].sort()).toEqual([
      'Pulse|accepted|service=ingest,channel=http',
      'Pulse|accepted|service=ingest,channel=kinesis',
      'Pulse|rejected|service=ingest,channel=http',
      'Pulse|rejected|service=ingest,channel=kinesis',
    ]);
  });
});
