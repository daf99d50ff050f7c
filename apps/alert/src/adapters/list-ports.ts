import { dynamoDbDocumentClient, requiredEnv, tableNameEnv, type Powertools } from '@pulse/service-kit';
import type { ZoneStateStore } from '../domain/ports';
import { ALERTS_TABLE, ALERT_STATE_TABLE } from '../tables';
import { alertStateTable } from './alert-state-table';
import { alertsTable, type AlertsTable } from './alerts-table';

/** list-alerts' ports, apart from evaluate's so its bundle carries no EventBridge client. */
export function listPorts(powertools: Powertools, env: NodeJS.ProcessEnv = process.env): { alerts: AlertsTable; states: ZoneStateStore } {
  const client = dynamoDbDocumentClient({ env, tracer: powertools.tracer });
  return {
    alerts: alertsTable(client, requiredEnv(tableNameEnv(ALERTS_TABLE.name), env)),
    states: alertStateTable(client, requiredEnv(tableNameEnv(ALERT_STATE_TABLE.name), env)),
  };
}
