import type { EventBridgeEvent } from 'aws-lambda';
import type { EventContract, EventDetail } from '../contract-types';
import envelope from './fixtures/eventbridge-event.json';

type EnvelopeOverrides = Partial<Omit<EventBridgeEvent<string, unknown>, 'detail' | 'source' | 'detail-type'>>;

/**
 * The envelope EventBridge delivers to a target, for a contract and a detail. The detail is
 * used as given (not validated), so tests can also feed consumers invalid events.
 */
export function eventBridgeEvent<T>(
  contract: Pick<EventContract<T>, 'source' | 'detailType'>,
  detail: EventDetail<T>,
  overrides: EnvelopeOverrides = {},
): EventBridgeEvent<string, EventDetail<T>> {
  return {
    ...envelope,
    ...overrides,
    source: contract.source,
    'detail-type': contract.detailType,
    detail,
  };
}

/** The contract's golden sample wrapped in an envelope: the quickest valid input for a consumer. */
export function sampleEvent<T>(contract: Pick<EventContract<T>, 'source' | 'detailType' | 'sample'>) {
  return eventBridgeEvent(contract, contract.sample.detail);
}
