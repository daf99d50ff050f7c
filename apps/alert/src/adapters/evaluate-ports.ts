import {
  BUS_NAME_ENV,
  createPublisher,
  dynamoDbDocumentClient,
  eventBridgeClient,
  requiredEnv,
  tableNameEnv,
  type Powertools,
} from '@pulse/service-kit';
import type { AlertPorts } from '../domain/ports';
import { ALERTS_TABLE, ALERT_STATE_TABLE } from '../tables';
import { alertEvents } from './alert-events';
import { alertStateTable } from './alert-state-table';
import { alertsTable } from './alerts-table';

/** Called once per container (on first use): clients, table names and bus from the environment. */
export function evaluatePorts(powertools: Powertools, env: NodeJS.ProcessEnv = process.env): AlertPorts {
  const client = dynamoDbDocumentClient({ env, tracer: powertools.tracer });
  const publisher = createPublisher({
    client: eventBridgeClient({ env, tracer: powertools.tracer }),
    busName: requiredEnv(BUS_NAME_ENV, env),
    source: 'pulse.alert',
  });
  return {
    states: alertStateTable(client, requiredEnv(tableNameEnv(ALERT_STATE_TABLE.name), env)),
    records: alertsTable(client, requiredEnv(tableNameEnv(ALERTS_TABLE.name), env)),
    events: alertEvents(publisher),
  };
}
