/** The function runner as the API needs it: a synchronous (RequestResponse) invocation. */
export type InvokeOutcome =
  | { readonly ok: true; readonly result: unknown }
  | { readonly ok: false; readonly errorType: string; readonly errorMessage: string };

export type InvokeFunction = (functionName: string, event: unknown, options: { mode: 'sync' }) => Promise<InvokeOutcome>;
