// The local API Gateway HTTP API and the local Cognito stand-in the runtime wires together.
export { JWKS_PATH, startHttpApi, type HttpApi, type HttpApiOptions } from './http-api/http-api';
export type { InvokeFunction, InvokeOutcome } from './http-api/invoke-port';
export type { ThrottleSettings } from './http-api/token-bucket';
export type { V2Event, V2AuthorizerEvent, V2RequestContext } from './http-api/v2-event';
export { MAX_PAYLOAD_BYTES } from './http-api/read-request';
export {
  createLocalIssuer,
  DEFAULT_CLIENT_ID,
  DEFAULT_ISSUER_URL,
  type Jwks,
  type LocalIssuer,
  type LocalIssuerOptions,
  type MintOptions,
} from './issuer/local-issuer';
export type { IdTokenClaims, VerifyResult } from './issuer/id-token-claims';
