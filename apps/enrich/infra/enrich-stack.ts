import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PulseService, type FunctionCodeSource, type PlatformRefs, type ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import { service } from '../src/service';

export interface EnrichStackProps extends StackProps {
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

/** enrich on AWS (Pulse-<env>-Enrich), built from its declaration; depends only on the platform's references. */
export class EnrichStack extends Stack {
  readonly service: PulseService;

  constructor(scope: Construct, id: string, props: EnrichStackProps) {
    super(scope, id, props);
    this.service = new PulseService(this, 'Enrich', { declaration: service, platform: props.platform, config: props.config, code: props.code });
  }
}
