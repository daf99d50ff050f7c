import { FLEET_ID_PATTERN } from '@pulse/schemas';

export const INCOMING_PREFIX = 'incoming/';
export const REPORTS_PREFIX = 'reports/';

export interface DropKey {
  readonly fleetId: string;
  /** The object's name under the fleet's folder (may contain further folders). */
  readonly name: string;
  readonly format: 'csv' | 'ndjson';
  /** Outside incoming/, so writing it does not trigger the handler again. */
  readonly reportKey: string;
}

const FLEET_ID = new RegExp(FLEET_ID_PATTERN);

/** `incoming/<fleetId>/<name>` → where the fleet comes from and where the report goes; undefined otherwise. */
export function parseDropKey(key: string): DropKey | undefined {
  if (!key.startsWith(INCOMING_PREFIX)) return undefined;
  const rest = key.slice(INCOMING_PREFIX.length);
  const slash = rest.indexOf('/');
  if (slash < 1) return undefined;
  const fleetId = rest.slice(0, slash);
  const name = rest.slice(slash + 1);
  if (!FLEET_ID.test(fleetId) || name === '' || name.endsWith('/')) return undefined;
  const format = /\.csv$/i.test(name) ? 'csv' : 'ndjson';
  return { fleetId, name, format, reportKey: `${REPORTS_PREFIX}${fleetId}/${name}.json` };
}
