import { defineService } from '@pulse/service-kit';
import { NORMALIZE_FUNCTION, emits, subscriptions } from './subscription';

/** Stateless: no tables, no routes; one function between ReadingsReceived and ReadingsNormalized. */
export const service = defineService({
  name: 'transform',
  description: 'Normalises received readings to canonical units and epoch-ms time, and flags implausible ones',
  functions: [
    {
      name: NORMALIZE_FUNCTION,
      handler: 'src/handlers/normalize-readings.ts',
      description: 'ReadingsReceived → ReadingsNormalized (one event per event)',
      memoryMb: 256,
      timeoutSeconds: 30,
      environment: { bus: true },
    },
  ],
  subscriptions,
  emits,
});
