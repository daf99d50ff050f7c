/** What the server read off the socket, before any route or auth decision. */
export interface IncomingRequest {
  readonly method: string;
  readonly rawPath: string;
  readonly rawQueryString: string;
  /** Lower-cased names; repeated headers already joined with ',' as API Gateway does. */
  readonly headers: Readonly<Record<string, string>>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
}

export interface ApiIdentity {
  readonly accountId: string;
  readonly apiId: string;
  readonly region: string;
  readonly domainName: string;
}
