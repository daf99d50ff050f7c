import { Token } from 'aws-cdk-lib';
import type { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { CfnStream, Stream } from 'aws-cdk-lib/aws-kinesis';
import type { CfnQueue, Queue } from 'aws-cdk-lib/aws-sqs';

/*
 * The dashboard names resources by their physical names as literal strings, read from the L1
 * resources, instead of `fn.functionName` & co.: those are tokens that would make each service
 * stack export its names to the observability stack, and a CloudFormation export in use blocks
 * the service stack's own deploys (`cdk deploy --exclusively`) whenever a name changes.
 */

export function functionNameOf(fn: LambdaFunction): string {
  return literal((fn.node.defaultChild as CfnFunction).functionName, fn.node.path);
}

export function queueNameOf(queue: Queue): string {
  return literal((queue.node.defaultChild as CfnQueue).queueName, queue.node.path);
}

export function streamNameOf(stream: Stream): string {
  return literal((stream.node.defaultChild as CfnStream).name, stream.node.path);
}

function literal(name: string | undefined, path: string): string {
  if (name === undefined || Token.isUnresolved(name)) throw new Error(`${path} has no literal physical name: the dashboard cannot name it without a cross-stack export`);
  return name;
}
