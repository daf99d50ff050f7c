import type { FunctionStats } from '@pulse/function-runner';
import type { Clock, ServiceDeclaration } from '@pulse/service-kit';

export interface DashboardOptions {
  /** 0 or absent = a free port; the runtime passes 3001. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Pulse HTTP API (its read routes are proxied server-side). */
  apiUrl: string;
  /** Bearer token for the read routes (a JWT carrying custom:fleet); never sent to the browser. */
  operatorToken: string;
  /** The local EventBridge: `GET <busEndpoint>/_pulse/tail` streams every event; `/_pulse/redeliver` redrives. */
  busEndpoint: string;
  /** The local SQS API holding the dead-letter queues. */
  sqsEndpoint: string;
  region?: string;
  /** The declarations (FIVE_SERVICES): rules for the trace explanations, DLQs, function → service. */
  services: readonly ServiceDeclaration[];
  /** The function runner's counters (invocations, errors, p50/p99 duration) per function. */
  functionStats?: () => Record<string, FunctionStats>;
  /** Warnings (bus unreachable, read API errors); stderr by default. */
  log?: (line: string) => void;
  /**
   * The pipeline's clock when it runs compressed time (the runtime's `time.clock`): ages and
   * "the last hour" on the page follow it. Wall time by default.
   */
  clock?: Clock;
  /** How many recent bus events the trace index keeps (default 5 000; 32 MB of JSON at most). */
  traceEvents?: number;
}

export interface Dashboard {
  /** e.g. http://127.0.0.1:3001 */
  url: string;
  port: number;
  /** Every stdout/stderr line of a function: EMF documents feed the latency figures. */
  recordLog(functionName: string, line: string): void;
  close(): Promise<void>;
}
