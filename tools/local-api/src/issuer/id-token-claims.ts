/** The claims of a Cognito user pool ID token, as the operators' JWT authorizer sees them. */
export interface IdTokenClaims {
  readonly iss: string;
  readonly aud: string;
  readonly sub: string;
  readonly token_use: 'id';
  readonly 'cognito:username': string;
  readonly email: string;
  readonly 'custom:fleet': string;
  readonly iat: number;
  readonly exp: number;
  readonly auth_time: number;
  readonly [claim: string]: string | number;
}

export type VerifyResult =
  | { readonly ok: true; readonly claims: IdTokenClaims }
  | { readonly ok: false; readonly reason: string };
