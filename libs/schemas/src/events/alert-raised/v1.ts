import { Type, type Static } from '@sinclair/typebox';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/alert-raised-v1';
import { SOURCES } from '../../sources';
import { alertFields } from '../alert/alert-fields';
import sample from './v1.sample.json';

export const ALERT_RAISED = { source: SOURCES.alert, detailType: 'AlertRaised' } as const;

export const AlertRaisedV1DataSchema = Type.Object(alertFields, { additionalProperties: false });
export type AlertRaisedV1Data = Static<typeof AlertRaisedV1DataSchema>;

export const AlertRaisedV1 = /* @__PURE__ */ definePrecompiledContract(
  ALERT_RAISED,
  {
    name: 'AlertRaised',
    version: 1,
    description: 'Air quality crossed an alert threshold (content-filtered rules route it by level/severity).',
    data: AlertRaisedV1DataSchema,
    sample,
  },
  validateDetail,
);
