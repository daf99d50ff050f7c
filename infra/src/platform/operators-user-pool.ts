import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { HttpAuthorizer, HttpAuthorizerType, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

/** The custom attribute that scopes an operator to one fleet; ID tokens carry `custom:fleet`. */
export const FLEET_ATTRIBUTE = 'fleet';
export const FLEET_CLAIM = `custom:${FLEET_ATTRIBUTE}`;

export interface Operators {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly jwtAuthorizer: HttpAuthorizer;
}

/**
 * Operators sign in to Cognito; the HTTP API validates their ID tokens. Accounts are created
 * by administrators only (no self sign-up), and the fleet attribute is readable but not
 * writable by the app client, so an operator cannot move themselves to another fleet.
 */
export function createOperators(scope: Construct, settings: EnvironmentSettings, httpApi: HttpApi): Operators {
  const userPool = new UserPool(scope, 'OperatorsUserPool', {
    userPoolName: `pulse-${settings.name}-operators`,
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    customAttributes: { [FLEET_ATTRIBUTE]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }) },
    passwordPolicy: {
      minLength: 14,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
      tempPasswordValidity: Duration.days(3),
    },
    mfa: Mfa.OPTIONAL,
    mfaSecondFactor: { otp: true, sms: false },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    // Threat protection in enforcing mode blocks risky sign-ins (credential stuffing, leaked
    // passwords); the Plus plan it needs costs per active user, and operators are few.
    featurePlan: FeaturePlan.PLUS,
    standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
    deletionProtection: settings.retainData,
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

  Validations.of(userPool).acknowledge({
    id: 'AwsSolutions-COG2',
    reason:
      'MFA is optional by design (issue 9): operators may enrol TOTP; threat protection in enforcing mode blocks or challenges risky sign-ins, and accounts are admin-created only.',
  });

  const client = userPool.addClient('OperatorsClient', {
    userPoolClientName: `pulse-${settings.name}-operators`,
    generateSecret: false,
    // Operators sign in with SRP from the CLI or dashboard; no hosted UI, so no implicit grant.
    disableOAuth: true,
    authFlows: { userSrp: true },
    preventUserExistenceErrors: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(1),
    readAttributes: new ClientAttributes().withStandardAttributes({ email: true, emailVerified: true }).withCustomAttributes(FLEET_ATTRIBUTE),
    writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
  });

  // Created in the platform stack (not lazily by HttpJwtAuthorizer in the first service stack
  // that binds it), so every service's routes share one authorizer and no service stack
  // depends on another.
  const jwtAuthorizer = new HttpAuthorizer(scope, 'OperatorsJwtAuthorizer', {
    httpApi,
    authorizerName: 'operators-jwt',
    type: HttpAuthorizerType.JWT,
    identitySource: ['$request.header.Authorization'],
    jwtIssuer: operatorsIssuer(settings.region, userPool),
    jwtAudience: [client.userPoolClientId],
  });
  return { userPool, client, jwtAuthorizer };
}

/**
 * The `iss` of the pool's tokens. The pool's ProviderURL attribute lacks the scheme, and API
 * Gateway compares the issuer as a full https URL.
 */
export function operatorsIssuer(region: string, userPool: UserPool): string {
  return `https://cognito-idp.${region}.${Stack.of(userPool).urlSuffix}/${userPool.userPoolId}`;
}
