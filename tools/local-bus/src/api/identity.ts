/** The five services, each calling the bus with access key id `pulse-<service>`. */
const PULSE_SERVICES = ['ingest', 'transform', 'enrich', 'persist', 'alert'] as const;

/** Access key id → the only `source` that caller may publish, as the deployed IAM `events:source` condition. */
export type IdentityMap = Readonly<Record<string, string>>;

export function defaultIdentities(): IdentityMap {
  return Object.fromEntries(PULSE_SERVICES.map((service) => [`pulse-${service}`, `pulse.${service}`]));
}

/**
 * The access key id from a SigV4 `Authorization` header
 * (`AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/events/aws4_request, ...`).
 * The signature is not checked: locally the key says who calls, not whether they may.
 */
export function accessKeyIdOf(authorization: string | undefined): string | undefined {
  const match = /Credential=([^/,\s]+)\//.exec(authorization ?? '');
  return match?.[1];
}

/** The source a caller is limited to; undefined = unknown key = a developer with full access. */
export function allowedSourceOf(identities: IdentityMap, accessKeyId: string | undefined): string | undefined {
  if (accessKeyId === undefined) return undefined;
  return Object.hasOwn(identities, accessKeyId) ? identities[accessKeyId] : undefined;
}
