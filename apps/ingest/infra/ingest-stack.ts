import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { PulseService, type FunctionCodeSource, type PlatformRefs, type ServiceEnvironmentConfig } from '@pulse/cdk-constructs';
import { service } from '../src/service';

export interface IngestStackProps extends StackProps {
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly code: FunctionCodeSource;
}

/** ingest on AWS (Pulse-<env>-Ingest), built from its declaration; depends only on the platform's references. */
export class IngestStack extends Stack {
  readonly service: PulseService;

  constructor(scope: Construct, id: string, props: IngestStackProps) {
    super(scope, id, props);
    this.service = new PulseService(this, 'Ingest', { declaration: service, platform: props.platform, config: props.config, code: props.code });
  }
}
