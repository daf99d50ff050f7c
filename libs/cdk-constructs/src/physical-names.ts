import type { ServiceName } from '@pulse/service-kit';

/** 'ZoneStatus' → 'zone-status', 'alerts-webhook' stays as it is. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** 'enrich-dlq' → 'EnrichDlq': construct ids. */
export function pascal(name: string): string {
  return kebab(name)
    .split('-')
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * Physical names of a service's resources. Every name carries the environment and the service,
 * so two environments (or two services) in one account never collide and an operator can tell
 * from a name alone whose resource it is. Buckets are left to CDK: their names are global.
 */
export class PhysicalNames {
  constructor(
    private readonly envName: string,
    private readonly service: ServiceName,
  ) {}

  /** pulse-<env>-<service>-<function>; Lambda allows 64 characters. */
  function(fn: string): string {
    return this.bounded(`pulse-${this.envName}-${this.service}-${kebab(fn)}`, 64);
  }

  table(table: string): string {
    return `pulse-${this.envName}-${this.service}-${kebab(table)}`;
  }

  topic(topic: string): string {
    return `pulse-${this.envName}-${this.service}-${kebab(topic)}`;
  }

  stream(stream: string): string {
    return `pulse-${this.envName}-${this.service}-${kebab(stream)}`;
  }

  /** Queue names from declarations already start with the service ('enrich-dlq'). */
  queue(queue: string): string {
    return this.bounded(`pulse-${this.envName}-${kebab(queue)}`, 80);
  }

  private bounded(name: string, max: number): string {
    if (name.length > max) throw new Error(`Physical name ${name} is longer than ${max} characters`);
    return name;
  }
}
