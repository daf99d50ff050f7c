import { defineService, ListBodySchema } from '@pulse/service-kit';
import { defaultRuleVariables } from './domain/alert-rules';
import { AlertItemSchema } from './domain/alert-item';
import { ListAlertsQuerySchema } from './domain/list-query';
import { EVALUATE_TIMEOUT_SECONDS } from './function-limits';
import { emits, subscriptions } from './subscription';
import { ALERTS_TABLE, ALERT_STATE_TABLE } from './tables';

export const service = defineService({
  name: 'alert',
  description: 'Raises and resolves zone air-quality alerts from enriched readings; routes notifications by severity.',
  functions: [
    {
      name: 'evaluate-readings',
      handler: 'src/handlers/evaluate-readings.ts',
      description: 'Runs the zone alert state machine over each ReadingsEnriched batch.',
      memoryMb: 512,
      timeoutSeconds: EVALUATE_TIMEOUT_SECONDS,
      environment: {
        bus: true,
        tables: [
          { table: 'AlertState', access: 'readWrite' },
          { table: 'Alerts', access: 'readWrite' },
        ],
        variables: defaultRuleVariables(),
      },
    },
    {
      name: 'list-alerts',
      handler: 'src/handlers/list-alerts.ts',
      description: "Lists the caller's fleet alerts, newest first.",
      memoryMb: 256,
      timeoutSeconds: 10,
      environment: {
        tables: [
          { table: 'Alerts', access: 'read' },
          { table: 'AlertState', access: 'read' },
        ],
      },
    },
  ],
  subscriptions,
  routes: [
    {
      method: 'GET',
      path: '/v1/alerts',
      auth: 'jwt',
      function: 'list-alerts',
      summary: "List the fleet's alerts, newest first",
      description: "The fleet is the token's custom:fleet claim. Filters: status, zoneId; pages of `limit` with an opaque cursor.",
      query: ListAlertsQuerySchema,
      responses: {
        200: { description: 'A page of alerts', body: ListBodySchema(AlertItemSchema) },
        400: { description: 'A query parameter is invalid (named in errors[].path)' },
        403: { description: 'The token carries no fleet claim' },
        404: { description: 'The zone is unknown to alert' },
      },
    },
  ],
  tables: [ALERT_STATE_TABLE, ALERTS_TABLE],
  topics: [
    { name: 'alerts', description: 'Every AlertRaised and AlertResolved' },
    { name: 'pager', description: 'AlertRaised at "Unhealthy" (severity 3) or worse' },
  ],
  emits,
});
