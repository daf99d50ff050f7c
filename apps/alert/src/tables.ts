import type { TableDeclaration } from '@pulse/service-kit';

/**
 * AlertState: one item per fleet and zone (the state machine, its outbox, a version for
 * conditional writes). Read by key only: one consistent BatchGet per invocation for the zones
 * in the batch; also answers "does this zone exist?" for the read API.
 */
export const ALERT_STATE_TABLE: TableDeclaration = {
  name: 'AlertState',
  partitionKey: { name: 'fleetId', type: 'S' },
  sortKey: { name: 'zoneId', type: 'S' },
  billing: 'onDemand',
};

export const ALERTS_BY_STATUS_INDEX = 'byStatus';
export const ALERTS_BY_ZONE_INDEX = 'byZone';

/**
 * Alerts: one item per alert, newest first under its fleet (`alertKey` = zero-padded raisedAt
 * + '#' + alertId). Two GSIs serve the list filters with key conditions instead of filters:
 * `byStatus` (`fleetStatus` = fleetId#status) and `byZone` (`fleetZone` = fleetId#zoneId).
 * Alerts are rare next to readings, so the extra index writes cost little, while a filter
 * over a fleet's whole history would read (and bill) every alert it skips.
 */
export const ALERTS_TABLE: TableDeclaration = {
  name: 'Alerts',
  partitionKey: { name: 'fleetId', type: 'S' },
  sortKey: { name: 'alertKey', type: 'S' },
  globalIndexes: [
    { name: ALERTS_BY_STATUS_INDEX, partitionKey: { name: 'fleetStatus', type: 'S' }, sortKey: { name: 'alertKey', type: 'S' } },
    { name: ALERTS_BY_ZONE_INDEX, partitionKey: { name: 'fleetZone', type: 'S' }, sortKey: { name: 'alertKey', type: 'S' } },
  ],
  billing: 'onDemand',
};
