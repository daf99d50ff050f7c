export interface AsyncFailureInput {
  readonly requestId: string;
  /** Qualified, as Lambda writes it: `arn:…:function:name:$LATEST`. */
  readonly functionArn: string;
  readonly approximateInvokeCount: number;
  readonly requestPayload: unknown;
  readonly errorType: string;
  readonly errorMessage: string;
  readonly timestamp: number;
}

/** The document Lambda sends to an asynchronous invocation's on-failure destination. */
export function asyncFailureRecord(input: AsyncFailureInput): Record<string, unknown> {
  return {
    version: '1.0',
    timestamp: new Date(input.timestamp).toISOString(),
    requestContext: {
      requestId: input.requestId,
      functionArn: input.functionArn,
      condition: 'RetriesExhausted',
      approximateInvokeCount: input.approximateInvokeCount,
    },
    requestPayload: input.requestPayload,
    responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
    responsePayload: { errorType: input.errorType, errorMessage: input.errorMessage },
  };
}
