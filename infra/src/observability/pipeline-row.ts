import { GraphWidget, HorizontalAnnotation, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import { busEventsPerSecond, endToEndLatency } from './pulse-metrics';

/** The whole pipeline at a glance, on top: end-to-end latency against its alarm threshold, and bus traffic. */
export function pipelineRow(busName: string, latencyThresholdMs: number): IWidget[] {
  const threshold: HorizontalAnnotation = { value: latencyThresholdMs, label: 'p99 alarm' };
  return [
    new GraphWidget({
      title: 'End-to-end latency (ms): ingest accepted → persist stored',
      left: [endToEndLatency('p50', { label: 'p50' }), endToEndLatency('p99', { label: 'p99' })],
      leftAnnotations: [threshold],
      width: 12,
      height: 6,
    }),
    new GraphWidget({
      title: `Bus ${busName}: events/s`,
      left: [busEventsPerSecond(busName, 'Invocations'), busEventsPerSecond(busName, 'MatchedEvents')],
      width: 12,
      height: 6,
    }),
  ];
}
