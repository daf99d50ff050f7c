import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Alias, Architecture, Function as LambdaFunction, Runtime, Tracing, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { SubnetType } from 'aws-cdk-lib/aws-ec2';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import type { FunctionDeclaration } from '@pulse/service-kit';
import { functionEnvironment } from './function-environment';
import { grantEnvironmentNeeds } from './function-permissions';
import { pascal } from './physical-names';
import type { FunctionCodeSource } from './pulse-service-props';
import type { ServiceScope } from './service-scope';
import type { ServiceTable } from './service-tables';

/** The runtime of every Pulse function (the local runtime runs the same bundles on Node ≥ 20). */
export const PULSE_RUNTIME = Runtime.NODEJS_24_X;

export interface ServiceFunction {
  readonly declaration: FunctionDeclaration;
  readonly fn: LambdaFunction;
  /** What triggers invoke: the `live` alias when provisioned concurrency is configured, else the function. */
  readonly invocable: IFunction;
  readonly logGroup: LogGroup;
}

export interface FunctionResources {
  readonly code: FunctionCodeSource;
  readonly tables: ReadonlyMap<string, ServiceTable>;
  readonly topics: ReadonlyMap<string, Topic>;
}

export function createFunctions(ctx: ServiceScope, resources: FunctionResources): ReadonlyMap<string, ServiceFunction> {
  const functions = new Map<string, ServiceFunction>();
  for (const declared of ctx.declaration.functions) {
    functions.set(declared.name, createFunction(ctx, resources, declared));
  }
  return functions;
}

function createFunction(ctx: ServiceScope, resources: FunctionResources, declared: FunctionDeclaration): ServiceFunction {
  const id = pascal(declared.name);
  const functionName = ctx.names.function(declared.name);
  const overrides = ctx.config.functions?.[declared.name] ?? {};
  const logGroup = new LogGroup(ctx.scope, `${id}Logs`, {
    logGroupName: `/aws/lambda/${functionName}`,
    retention: retentionDays(ctx.config.logRetentionDays),
    encryptionKey: ctx.platform.key,
    removalPolicy: ctx.config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  // An own role instead of Lambda's default: no AWSLambdaBasicExecutionRole (logs:* on every
  // log group), only writes to this function's log group.
  const role = new Role(ctx.scope, `${id}Role`, {
    assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
    description: `${ctx.declaration.name}/${declared.name} (${ctx.config.envName})`,
  });
  logGroup.grantWrite(role);

  const fn = new LambdaFunction(ctx.scope, id, {
    functionName,
    description: declared.description,
    runtime: PULSE_RUNTIME,
    architecture: Architecture.ARM_64,
    handler: 'index.handler',
    code: resources.code(ctx.declaration.name, declared.name),
    memorySize: overrides.memoryMb ?? declared.memoryMb,
    timeout: Duration.seconds(overrides.timeoutSeconds ?? declared.timeoutSeconds),
    reservedConcurrentExecutions: declared.reservedConcurrency,
    tracing: Tracing.ACTIVE,
    role,
    logGroup,
    environment: functionEnvironment(declared, {
      service: ctx.declaration.name,
      config: ctx.config,
      busName: ctx.platform.bus.eventBusName,
      tableName: (table) => required(resources.tables.get(table), `table ${table}`).table.tableName,
      topicArn: (topic) => required(resources.topics.get(topic), `topic ${topic}`).topicArn,
    }),
    ...(ctx.platform.vpc
      ? {
          vpc: ctx.platform.vpc.vpc,
          securityGroups: [ctx.platform.vpc.securityGroup],
          // No internet egress: AWS services are reached through the platform's VPC endpoints.
          vpcSubnets: ctx.platform.vpc.subnets ?? { subnetType: SubnetType.PRIVATE_ISOLATED },
        }
      : {}),
  });
  grantEnvironmentNeeds(declared, fn, {
    service: ctx.declaration.name,
    region: Stack.of(ctx.scope).region,
    platform: ctx.platform,
    tables: resources.tables,
    topics: resources.topics,
  });

  const provisioned = overrides.provisionedConcurrency ?? 0;
  const invocable =
    provisioned > 0
      ? new Alias(ctx.scope, `${id}Live`, { aliasName: 'live', version: fn.currentVersion, provisionedConcurrentExecutions: provisioned })
      : fn;
  return { declaration: declared, fn, invocable, logGroup };
}

/** CloudWatch accepts only certain retention periods; a typo in the configuration fails the synth, not the deploy. */
function retentionDays(days: number): RetentionDays {
  const allowed = Object.values(RetentionDays).filter((value): value is RetentionDays => typeof value === 'number');
  const match = allowed.find((value) => value === days);
  if (match === undefined) throw new Error(`logRetentionDays ${days} is not a CloudWatch Logs retention period`);
  return match;
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`The service does not declare ${what}`);
  return value;
}
