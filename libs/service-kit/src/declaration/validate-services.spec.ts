import { ingest, persist } from '../__fixtures__/sample-services';
import { ServiceDeclarationError } from './declaration-error';
import type { ServiceDeclaration } from './service-declaration';
import { validateServices } from './validate-services';

describe('validateServices', () => {
  it('accepts services that share nothing they should own alone', () => {
    // Act / Assess
    expect(() => validateServices([ingest, persist])).not.toThrow();
  });

  it('rejects two owners of one route, one emitted event, or a missing API-key authorizer', () => {
    // Prepare
    const copy: ServiceDeclaration = { ...ingest, name: 'enrich', authorizer: undefined };
    let error: unknown;

    // Act
    try {
      validateServices([ingest, copy]);
    } catch (e) {
      error = e;
    }

    // Assess
    expect(error).toBeInstanceOf(ServiceDeclarationError);
    expect((error as ServiceDeclarationError).problems).toEqual([
      "route 'POST /v1/readings' is declared by more than one service",
      "route 'PUT /v1/devices/{deviceId}' is declared by more than one service",
      "event 'ReadingsReceived v1' is emitted by more than one service",
      "event 'DeviceRegistered v1' is emitted by more than one service",
    ]);
    expect(() => validateServices([{ ...ingest, authorizer: undefined }])).toThrow('no service declares the authorizer');
  });
});
