import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PulseService, type FunctionCodeSource, type PlatformRefs, type ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import { service } from '../src/service';

export interface TransformStackProps extends StackProps {
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

/** transform on AWS (Pulse-<env>-Transform), built from its declaration; depends only on the platform's references. */
export class TransformStack extends Stack {
  readonly service: PulseService;

  constructor(scope: Construct, id: string, props: TransformStackProps) {
    super(scope, id, props);
    this.service = new PulseService(this, 'Transform', { declaration: service, platform: props.platform, config: props.config, code: props.code });
  }
}
