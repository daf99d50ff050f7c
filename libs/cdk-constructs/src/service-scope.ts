import type { Construct } from 'constructs';
import type { ServiceDeclaration } from '@pulse/service-kit';
import type { ServiceEnvironmentConfig } from './environment-config';
import type { PhysicalNames } from './physical-names';
import type { PlatformRefs } from './platform-refs';

/** What every builder of a service's resources reads: where to create, from what, for which environment. */
export interface ServiceScope {
  readonly scope: Construct;
  readonly declaration: ServiceDeclaration;
  readonly platform: PlatformRefs;
  readonly config: ServiceEnvironmentConfig;
  readonly names: PhysicalNames;
}
