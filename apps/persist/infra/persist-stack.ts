import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PulseService, type FunctionCodeSource, type PlatformRefs, type ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import { service } from '../src/service';

export interface PersistStackProps extends StackProps {
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

/** persist on AWS (Pulse-<env>-Persist), built from its declaration; depends only on the platform's references. */
export class PersistStack extends Stack {
  readonly service: PulseService;

  constructor(scope: Construct, id: string, props: PersistStackProps) {
    super(scope, id, props);
    this.service = new PulseService(this, 'Persist', { declaration: service, platform: props.platform, config: props.config, code: props.code });
  }
}
