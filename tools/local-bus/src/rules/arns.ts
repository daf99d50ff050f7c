/** Where ARNs are minted: one account and region per local bus. */
export interface ArnScope {
  readonly region: string;
  readonly accountId: string;
}

const prefix = (service: string, scope: ArnScope) => `arn:aws:${service}:${scope.region}:${scope.accountId}`;

export const busArn = (scope: ArnScope, bus: string) => `${prefix('events', scope)}:event-bus/${bus}`;

/** AWS leaves the bus out of the ARN of a rule on the default bus. */
export const ruleArn = (scope: ArnScope, bus: string, rule: string) =>
  `${prefix('events', scope)}:rule/${bus === 'default' ? '' : `${bus}/`}${rule}`;

export const functionArn = (scope: ArnScope, name: string) => `${prefix('lambda', scope)}:function:${name}`;
export const queueArn = (scope: ArnScope, name: string) => `${prefix('sqs', scope)}:${name}`;
export const topicArn = (scope: ArnScope, name: string) => `${prefix('sns', scope)}:${name}`;
export const apiDestinationArn = (scope: ArnScope, name: string) => `${prefix('events', scope)}:api-destination/${name}`;
export const archiveArn = (scope: ArnScope, name: string) => `${prefix('events', scope)}:archive/${name}`;
export const replayArn = (scope: ArnScope, name: string) => `${prefix('events', scope)}:replay/${name}`;

/** The name in `…:event-bus/<name>` or `…:archive/<name>`, or the text itself when it is a plain name. */
export function nameFromArn(nameOrArn: string, resource: 'event-bus' | 'archive'): string {
  if (!nameOrArn.startsWith('arn:')) return nameOrArn;
  const rest = nameOrArn.split(':').slice(5).join(':');
  const marker = `${resource}/`;
  return rest.startsWith(marker) ? rest.slice(marker.length).split('/').pop() ?? rest : rest;
}
