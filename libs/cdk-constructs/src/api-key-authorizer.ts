import { Duration, Stack } from 'aws-cdk-lib';
import {
  AuthorizerPayloadVersion,
  HttpAuthorizer,
  HttpAuthorizerType,
  type HttpApi,
  type HttpRouteAuthorizerConfig,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';

export interface ApiKeyAuthorizerProps {
  readonly httpApi: HttpApi;
  readonly handler: IFunction;
  readonly authorizerName: string;
  /** The request header carrying the key; also the cache key. */
  readonly header: string;
  readonly resultTtlSeconds: number;
}

/**
 * The same authorizer HttpLambdaAuthorizer builds (Lambda, simple responses, payload 2.0), but
 * created in the service's scope. HttpRoute binds authorizers in the HttpApi's scope, which
 * would put the authorizer, and a reference to this service's function, into the platform
 * stack: a cycle, and a platform that depends on a service.
 */
export class ApiKeyAuthorizer implements IHttpRouteAuthorizer {
  readonly authorizer: HttpAuthorizer;

  constructor(scope: Construct, id: string, props: ApiKeyAuthorizerProps) {
    const stack = Stack.of(scope);
    this.authorizer = new HttpAuthorizer(scope, id, {
      httpApi: props.httpApi,
      type: HttpAuthorizerType.LAMBDA,
      authorizerName: props.authorizerName,
      identitySource: [`$request.header.${props.header}`],
      enableSimpleResponses: true,
      payloadFormatVersion: AuthorizerPayloadVersion.VERSION_2_0,
      authorizerUri: `arn:${stack.partition}:apigateway:${stack.region}:lambda:path/2015-03-31/functions/${props.handler.functionArn}/invocations`,
      resultsCacheTtl: Duration.seconds(props.resultTtlSeconds),
    });
    props.handler.addPermission(`${id}Invoke`, {
      scope,
      principal: new ServicePrincipal('apigateway.amazonaws.com'),
      sourceArn: stack.formatArn({
        service: 'execute-api',
        resource: props.httpApi.apiId,
        resourceName: `authorizers/${this.authorizer.authorizerId}`,
      }),
    });
  }

  bind(): HttpRouteAuthorizerConfig {
    return { authorizerId: this.authorizer.authorizerId, authorizationType: 'CUSTOM' };
  }
}
