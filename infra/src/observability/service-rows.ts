import { GraphWidget, TextWidget, type IWidget } from 'aws-cdk-lib/aws-cloudwatch';
import type { PulseService } from '@pulse/cdk-constructs';
import { functionNameOf, queueNameOf, streamNameOf } from './literal-names';
import { dlqDepth, lambdaMetric, streamIteratorAge } from './pulse-metrics';

const HEIGHT = 6;
const QUARTER = 6;

/**
 * One service's part of the dashboard: a title, then per function a row of invocations, errors,
 * p99 duration and throttles, then its dead-letter queues' depth and its Kinesis streams' iterator age.
 */
export function serviceRows(service: PulseService): IWidget[][] {
  const name = service.declaration.name;
  const rows: IWidget[][] = [[new TextWidget({ markdown: `## ${name}`, width: 24, height: 1 })]];
  for (const { declaration, fn } of service.functions.values()) {
    const functionName = functionNameOf(fn);
    const graph = (title: string, metricName: 'Invocations' | 'Errors' | 'Duration' | 'Throttles', statistic: string) =>
      new GraphWidget({ title: `${declaration.name}: ${title}`, left: [lambdaMetric(functionName, metricName, statistic)], width: QUARTER, height: HEIGHT });
    rows.push([graph('invocations', 'Invocations', 'Sum'), graph('errors', 'Errors', 'Sum'), graph('duration p99', 'Duration', 'p99'), graph('throttles', 'Throttles', 'Sum')]);
  }

  const tail: IWidget[] = [];
  const queues = [...service.queues.values()].map(queueNameOf);
  if (queues.length > 0) {
    tail.push(new GraphWidget({ title: `${name}: DLQ depth (messages visible)`, left: queues.map(dlqDepth), width: 12, height: HEIGHT }));
  }
  const streams = [...service.streams.values()].map(streamNameOf);
  if (streams.length > 0) {
    tail.push(new GraphWidget({ title: `${name}: Kinesis iterator age (ms)`, left: streams.map(streamIteratorAge), width: 12, height: HEIGHT }));
  }
  if (tail.length > 0) rows.push(tail);
  return rows;
}
