import { RemovalPolicy } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { ApiMapping, CorsHttpMethod, DomainName, HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { EnvironmentSettings } from '../config/environment-settings';

export interface PlatformHttpApi {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
}

/**
 * The one HTTP API all services add routes to. The `$default` stage is created here rather
 * than by HttpApi so it can carry throttling and access logs (HttpApi's own default stage
 * takes neither).
 */
export function createPlatformHttpApi(scope: Construct, settings: EnvironmentSettings, key: IKey): PlatformHttpApi {
  const { throttling, corsAllowOrigins, customDomain } = settings.api;
  const httpApi = new HttpApi(scope, 'HttpApi', {
    apiName: `pulse-${settings.name}`,
    description: `Pulse ${settings.name}: readings, devices, zones, alerts`,
    createDefaultStage: false,
    ...(corsAllowOrigins && corsAllowOrigins.length > 0
      ? {
          corsPreflight: {
            allowOrigins: [...corsAllowOrigins],
            allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.PUT, CorsHttpMethod.DELETE],
            allowHeaders: ['authorization', 'content-type', 'x-api-key', 'x-correlation-id'],
          },
        }
      : {}),
  });

  const accessLogs = new LogGroup(scope, 'HttpApiAccessLogs', {
    logGroupName: `/pulse/${settings.name}/http-api/access`,
    encryptionKey: key,
    retention: settings.logRetentionDays,
    removalPolicy: settings.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });

  const stage = new HttpStage(scope, 'HttpApiDefaultStage', {
    httpApi,
    stageName: '$default',
    autoDeploy: true,
    throttle: { rateLimit: throttling.rateLimit, burstLimit: throttling.burstLimit },
    accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
  });

  if (customDomain) {
    const domainName = new DomainName(scope, 'HttpApiDomain', {
      domainName: customDomain.domainName,
      certificate: Certificate.fromCertificateArn(scope, 'HttpApiCertificate', customDomain.certificateArn),
    });
    new ApiMapping(scope, 'HttpApiMapping', { api: httpApi, domainName, stage });
  }
  return { httpApi, stage, accessLogs };
}

/** JSON lines with what an operator needs to trace a request: caller, route, auth, latency. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    routeKey: '$context.routeKey',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationLatencyMs: '$context.integrationLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    fleetId: '$context.authorizer.fleetId',
  }),
);
