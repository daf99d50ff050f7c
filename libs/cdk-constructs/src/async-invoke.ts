import { Duration } from 'aws-cdk-lib';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { ServiceFunction } from './service-functions';

/** Lambda's own limits for asynchronous invocations. */
export const LAMBDA_ASYNC_MAX_RETRIES = 2;
export const LAMBDA_ASYNC_MAX_EVENT_AGE_SECONDS = 21_600;

export interface AsyncInvokePolicy {
  readonly retryAttempts: number;
  readonly maxEventAgeSeconds: number;
  readonly onFailure: IQueue;
}

/**
 * A function has one asynchronous invoke configuration, but several triggers (a rule, an S3
 * notification) may ask for one. Same request twice is fine; conflicting requests fail the
 * synth instead of silently keeping whichever came first.
 */
export class AsyncInvokeConfigs {
  private readonly configured = new Map<string, AsyncInvokePolicy>();

  configure(target: ServiceFunction, requested: AsyncInvokePolicy): void {
    const policy: AsyncInvokePolicy = {
      retryAttempts: Math.min(requested.retryAttempts, LAMBDA_ASYNC_MAX_RETRIES),
      maxEventAgeSeconds: Math.min(Math.max(requested.maxEventAgeSeconds, 60), LAMBDA_ASYNC_MAX_EVENT_AGE_SECONDS),
      onFailure: requested.onFailure,
    };
    const name = target.declaration.name;
    const existing = this.configured.get(name);
    if (existing) {
      const same =
        existing.retryAttempts === policy.retryAttempts &&
        existing.maxEventAgeSeconds === policy.maxEventAgeSeconds &&
        existing.onFailure === policy.onFailure;
      if (!same) throw new Error(`Function ${name} is given two different asynchronous invoke policies`);
      return;
    }
    this.configured.set(name, policy);
    target.invocable.configureAsyncInvoke({
      retryAttempts: policy.retryAttempts,
      maxEventAge: Duration.seconds(policy.maxEventAgeSeconds),
      onFailure: new SqsDestination(policy.onFailure),
    });
  }
}
