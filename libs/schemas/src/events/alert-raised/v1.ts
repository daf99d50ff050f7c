import { Type, type Static } from '@sinclair/typebox';
import { defineContract } from '../../envelope';
import { SOURCES } from '../../sources';
import { alertFields } from '../alert/alert-fields';
import sample from './v1.sample.json';

export const ALERT_RAISED = { source: SOURCES.alert, detailType: 'AlertRaised' } as const;

export const AlertRaisedV1DataSchema = Type.Object(alertFields, { additionalProperties: false });
export type AlertRaisedV1Data = Static<typeof AlertRaisedV1DataSchema>;

export const AlertRaisedV1 = /* @__PURE__ */ defineContract({
  name: 'AlertRaised',
  ...ALERT_RAISED,
  version: 1,
  description: 'Air quality crossed an alert threshold (content-filtered rules route it by level/severity).',
  data: AlertRaisedV1DataSchema,
  sample,
});
