import { App, type Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Code } from 'aws-cdk-lib/aws-lambda';
import type { ServiceEnvironmentConfig } from './environment-config';
import type { PlatformRefs } from './platform-refs';
import type { FunctionCodeSource } from './pulse-service-props';
import { addAwsSolutionsChecks, createTestPlatform, synthFailure, testServiceConfig, TEST_ENV } from './test-platform';

export interface TestServiceStackProps {
  readonly env: typeof TEST_ENV;
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

export interface SynthesisedServiceStack<S extends Stack> {
  readonly stack: S;
  readonly platform: Stack;
  readonly template: Template;
  /** The cdk-nag failure message, undefined when every finding is fixed or acknowledged. */
  readonly nagFailure: string | undefined;
}

/** Inline code: specs synthesise without `nx build`. */
export const inlineTestCode: FunctionCodeSource = () => Code.fromInline('exports.handler = async () => {}');

/**
 * A service stack on the test platform, synthesised once with cdk-nag AwsSolutions, for the
 * services' own stack specs.
 */
export function synthServiceStack<S extends Stack>(
  build: (app: App, props: TestServiceStackProps) => S,
  config: ServiceEnvironmentConfig = testServiceConfig(),
): SynthesisedServiceStack<S> {
  const app = new App();
  addAwsSolutionsChecks(app);
  const platform = createTestPlatform(app, config.envName);
  const stack = build(app, { env: TEST_ENV, platform: platform.refs, config, code: inlineTestCode });
  const nagFailure = synthFailure(app);
  return { stack, platform: platform.stack, template: Template.fromStack(stack), nagFailure };
}

export interface IamStatement {
  readonly Action: string | string[];
  readonly Resource: unknown;
  readonly Condition?: Record<string, Record<string, unknown>>;
}

/** Every IAM statement of the template's policies, optionally only those of one role (by logical id). */
export function iamStatements(template: Template, roleLogicalId?: string): IamStatement[] {
  const policies = template.findResources('AWS::IAM::Policy', roleLogicalId ? { Properties: { Roles: [{ Ref: roleLogicalId }] } } : undefined);
  return Object.values(policies).flatMap((policy) => policy.Properties.PolicyDocument.Statement as IamStatement[]);
}

export function actionsOf(statements: readonly IamStatement[]): string[] {
  return statements.flatMap((statement) => (Array.isArray(statement.Action) ? statement.Action : [statement.Action]));
}
