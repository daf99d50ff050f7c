import { Type, type Static } from '@sinclair/typebox';
import { definePrecompiledContract } from '../../envelope';
import validateDetail from '../../generated/alert-resolved-v1';
import { SOURCES } from '../../sources';
import { EpochMsSchema } from '../../time';
import { alertFields } from '../alert/alert-fields';
import sample from './v1.sample.json';

export const ALERT_RESOLVED = { source: SOURCES.alert, detailType: 'AlertResolved' } as const;

export const AlertResolvedV1DataSchema = Type.Object(
  { ...alertFields, resolvedAt: EpochMsSchema },
  { additionalProperties: false },
);
export type AlertResolvedV1Data = Static<typeof AlertResolvedV1DataSchema>;

export const AlertResolvedV1 = /* @__PURE__ */ definePrecompiledContract(
  ALERT_RESOLVED,
  {
    name: 'AlertResolved',
    version: 1,
    description: 'An open alert cleared: the latest evaluation is back under the threshold.',
    data: AlertResolvedV1DataSchema,
    sample,
  },
  validateDetail,
);
