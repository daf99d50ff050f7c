import type { ApiIdentity, IncomingRequest } from './incoming-request';
import type { RouteMatch } from './route-table';

export const STAGE = '$default';

export interface V2RequestContext {
  accountId: string;
  apiId: string;
  domainName: string;
  domainPrefix: string;
  http: { method: string; path: string; protocol: string; sourceIp: string; userAgent: string };
  requestId: string;
  routeKey: string;
  stage: string;
  time: string;
  timeEpoch: number;
  authorizer?: { lambda?: Readonly<Record<string, unknown>>; jwt?: { claims: Record<string, string>; scopes: null } };
}

/** An API Gateway HTTP API payload format 2.0 event. */
export interface V2Event {
  version: '2.0';
  routeKey: string;
  rawPath: string;
  rawQueryString: string;
  cookies?: string[];
  headers: Record<string, string>;
  queryStringParameters?: Record<string, string>;
  pathParameters?: Record<string, string>;
  requestContext: V2RequestContext;
  body?: string;
  isBase64Encoded: boolean;
}

/** The payload 2.0 REQUEST authorizer event. */
export interface V2AuthorizerEvent extends Omit<V2Event, 'body' | 'isBase64Encoded'> {
  type: 'REQUEST';
  routeArn: string;
  identitySource: string[];
}

export interface EventContext {
  readonly identity: ApiIdentity;
  readonly requestId: string;
  readonly now: number;
}

/** Content types API Gateway passes as text; anything else arrives base64-encoded. */
const TEXT_TYPE = /^(text\/|application\/(json|x-ndjson|xml|javascript|x-www-form-urlencoded)\b|application\/[\w.+-]*\+(json|xml)\b)/i;

export function buildV2Event(request: IncomingRequest, match: RouteMatch, context: EventContext): V2Event {
  const event: V2Event = {
    version: '2.0',
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(request.cookies.length ? { cookies: [...request.cookies] } : {}),
    headers: { ...request.headers },
    ...queryAndPath(request, match),
    requestContext: requestContext(request, match, context),
    isBase64Encoded: false,
  };
  if (request.body.length > 0) {
    const text = TEXT_TYPE.test(request.headers['content-type'] ?? '');
    event.body = text ? request.body.toString('utf8') : request.body.toString('base64');
    event.isBase64Encoded = !text;
  }
  return event;
}

export function buildAuthorizerEvent(request: IncomingRequest, match: RouteMatch, context: EventContext, identitySource: string[]): V2AuthorizerEvent {
  const { identity } = context;
  return {
    version: '2.0',
    type: 'REQUEST',
    routeArn: `arn:aws:execute-api:${identity.region}:${identity.accountId}:${identity.apiId}/${STAGE}/${request.method}${request.rawPath}`,
    identitySource,
    routeKey: match.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    ...(request.cookies.length ? { cookies: [...request.cookies] } : {}),
    headers: { ...request.headers },
    ...queryAndPath(request, match),
    requestContext: requestContext(request, match, context),
  };
}

function queryAndPath(request: IncomingRequest, match: RouteMatch): Pick<V2Event, 'queryStringParameters' | 'pathParameters'> {
  const query = queryParameters(request.rawQueryString);
  const hasPath = Object.keys(match.pathParameters).length > 0;
  return {
    ...(query ? { queryStringParameters: query } : {}),
    ...(hasPath ? { pathParameters: { ...match.pathParameters } } : {}),
  };
}

/** Repeated parameters are joined with ',' in payload 2.0. */
function queryParameters(rawQueryString: string): Record<string, string> | undefined {
  if (!rawQueryString) return undefined;
  const result: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    result[name] = name in result ? `${result[name]},${value}` : value;
  }
  return Object.keys(result).length ? result : undefined;
}

function requestContext(request: IncomingRequest, match: RouteMatch, context: EventContext): V2RequestContext {
  const { identity } = context;
  return {
    accountId: identity.accountId,
    apiId: identity.apiId,
    domainName: identity.domainName,
    domainPrefix: identity.domainName.split('.')[0] ?? identity.domainName,
    http: {
      method: request.method,
      path: request.rawPath,
      protocol: request.protocol,
      sourceIp: request.sourceIp,
      userAgent: request.headers['user-agent'] ?? '',
    },
    requestId: context.requestId,
    routeKey: match.routeKey,
    stage: STAGE,
    time: apiGatewayTime(context.now),
    timeEpoch: context.now,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '12/Mar/2020:19:03:58 +0000', the CLF-style time API Gateway puts in requestContext. */
export function apiGatewayTime(epochMs: number): string {
  const d = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
