import { DeviceRegistered, ReadingsNormalized } from '../__fixtures__/fixture-contracts';
import { ingest, persist } from '../__fixtures__/sample-services';
import { ServiceDeclarationError } from './declaration-error';
import { defineService } from './define-service';
import { patternFor } from './event-pattern';
import type { ServiceDeclaration } from './service-declaration';

const fn = <N extends string>(name: N) => ({ name, handler: `src/handlers/${name}.ts`, memoryMb: 256, timeoutSeconds: 10 });

function problemsOf(declaration: ServiceDeclaration): readonly string[] {
  try {
    defineService(declaration);
  } catch (error) {
    if (error instanceof ServiceDeclarationError) return error.problems;
    throw error;
  }
  return [];
}

describe('defineService', () => {
  it('returns the very declaration it was given when it is valid', () => {
    // Prepare
    const declaration = { name: 'transform', functions: [fn('normalize-readings')] } as const;

    // Act
    const defined = defineService(declaration);

    // Assess
    expect(defined).toBe(declaration);
    expect(ingest.routes).toHaveLength(2);
    expect(persist.subscriptions?.[0]?.target).toEqual({ kind: 'function', function: 'store-readings' });
  });

  it('rejects at compile time a route naming an undeclared function', () => {
    // Prepare / Act / Assess: the expect-error below fails typecheck if the reference were accepted
    expect(() =>
      defineService({
        name: 'persist',
        functions: [fn('list-zones')],
        // @ts-expect-error 'list-zone' is not a declared function name
        routes: [{ method: 'GET', path: '/v1/zones', auth: 'jwt', function: 'list-zone', summary: 's', responses: { 200: { description: 'ok' } } }],
      }),
    ).toThrow(/unknown function 'list-zone'/);
  });

  it('reports unknown functions referenced by a subscription and the authorizer', () => {
    // Prepare
    const declaration = {
      name: 'ingest',
      functions: [fn('receive-readings')],
      subscriptions: [
        { rule: 'r1', pattern: patternFor(DeviceRegistered), target: { kind: 'function', function: 'ghost' }, deadLetterQueue: 'dlq' },
      ],
      authorizer: { function: 'missing-authorizer', resultTtlSeconds: 300 },
    } as ServiceDeclaration;

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        "subscription 'r1': unknown function 'ghost'",
        "authorizer: unknown function 'missing-authorizer'",
      ]),
    );
  });

  it('reports duplicate function, rule, route and table names all at once', () => {
    // Prepare
    const route = { method: 'GET', path: '/v1/zones', auth: 'jwt', function: 'a', summary: 's', responses: { 200: { description: 'ok' } } } as const;
    const sub = { rule: 'same', pattern: patternFor(ReadingsNormalized), target: { kind: 'function', function: 'a' }, deadLetterQueue: 'dlq' } as const;
    const table = { name: 'T', partitionKey: { name: 'pk', type: 'S' }, billing: 'onDemand' } as const;

    // Act
    const problems = problemsOf({
      name: 'persist',
      functions: [fn('a'), fn('a')],
      subscriptions: [sub, sub],
      routes: [route, route],
      tables: [table, table],
    });

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        "duplicate function name 'a'",
        "duplicate rule name 'same'",
        "duplicate route 'GET /v1/zones'",
        "duplicate table name 'T'",
      ]),
    );
  });

  it.each([
    [{ maximumRetryAttempts: 186 }, 'maximumRetryAttempts 186 is outside 0–185'],
    [{ maximumRetryAttempts: -1 }, 'maximumRetryAttempts -1 is outside 0–185'],
    [{ maximumEventAgeSeconds: 59 }, 'maximumEventAgeSeconds 59 is outside 60–86400'],
    [{ maximumEventAgeSeconds: 86_401 }, 'maximumEventAgeSeconds 86401 is outside 60–86400'],
  ])('rejects retry policy %j', (retryPolicy, message) => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'enrich',
      functions: [fn('enrich-readings')],
      subscriptions: [
        { rule: 'r', pattern: patternFor(ReadingsNormalized), target: { kind: 'function', function: 'enrich-readings' }, retryPolicy, deadLetterQueue: 'dlq' },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([`subscription 'r': ${message}`]);
  });

  it('accepts the retry policy bounds themselves', () => {
    // Prepare
    const bounds = [
      { maximumRetryAttempts: 0, maximumEventAgeSeconds: 60 },
      { maximumRetryAttempts: 185, maximumEventAgeSeconds: 86_400 },
    ];

    // Act
    const problems = bounds.flatMap((retryPolicy) =>
      problemsOf({
        name: 'enrich',
        functions: [fn('e')],
        subscriptions: [{ rule: 'r', pattern: patternFor(ReadingsNormalized), target: { kind: 'sqs', queue: 'q' }, retryPolicy, deadLetterQueue: 'dlq' }],
      }),
    );

    // Assess
    expect(problems).toEqual([]);
  });

  it('reports bad path syntax and path parameters missing from the path', () => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'persist',
      functions: [fn('a')],
      routes: [
        { method: 'GET', path: 'v1/zones', auth: 'jwt', function: 'a', summary: 's', responses: { 200: { description: 'ok' } } },
        { method: 'GET', path: '/v1/devices/{device id}/', auth: 'jwt', function: 'a', summary: 's', responses: { 200: { description: 'ok' } } },
        { method: 'GET', path: '/v1/devices/{deviceId}', auth: 'jwt', function: 'a', summary: 's', pathParameters: { zoneId: {} as never }, responses: { 200: { description: 'ok' } } },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([
      "route 'GET v1/zones': path 'v1/zones' must start with '/'",
      "route 'GET /v1/devices/{device id}/': path '/v1/devices/{device id}/' has an invalid segment '{device id}'",
      "route 'GET /v1/devices/{device id}/': path '/v1/devices/{device id}/' has an empty segment or a trailing '/'",
      "route 'GET /v1/devices/{deviceId}': path parameter 'zoneId' is not in the path",
    ]);
  });

  it('rejects emitting a contract of another service, and a name that cannot name an app, tag and source', () => {
    // Prepare
    const foreign: ServiceDeclaration = { name: 'transform', functions: [fn('t')], emits: [DeviceRegistered] };
    const unknown: ServiceDeclaration = { name: 'Billing_Service', functions: [fn('b')] };
    const tooLong: ServiceDeclaration = { name: 'a-service-name-longer-than-24', functions: [fn('b')] };
    const newService: ServiceDeclaration = { name: 'forecast', functions: [fn('f')] };

    // Act
    const foreignProblems = problemsOf(foreign);
    const unknownProblems = problemsOf(unknown);

    // Assess
    expect(foreignProblems).toEqual(["emits 'DeviceRegistered' whose source 'pulse.ingest' is not 'pulse.transform'"]);
    expect(unknownProblems).toEqual(["name 'Billing_Service' must be kebab-case and at most 24 characters"]);
    expect(problemsOf(tooLong)).toEqual(["name 'a-service-name-longer-than-24' must be kebab-case and at most 24 characters"]);
    expect(problemsOf(newService)).toEqual([]);
  });

  it('checks function limits and that environment needs name declared tables and topics', () => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'alert',
      functions: [
        { name: 'Evaluate_Alerts', handler: 'handlers/evaluate.js', memoryMb: 64, timeoutSeconds: 901, environment: { tables: [{ table: 'Readings', access: 'read' }], topics: ['pager'] } },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([
      "function 'Evaluate_Alerts': name must be kebab-case",
      "function 'Evaluate_Alerts': handler 'handlers/evaluate.js' must be a .ts file under src/",
      "function 'Evaluate_Alerts': memoryMb 64 is outside 128–10240",
      "function 'Evaluate_Alerts': timeoutSeconds 901 is outside 1–900",
      "function 'Evaluate_Alerts': needs table 'Readings', which the service does not declare",
      "function 'Evaluate_Alerts': needs topic 'pager', which the service does not declare",
    ]);
  });

  it('checks table keys, indexes and the TTL attribute', () => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'alert',
      functions: [fn('a')],
      tables: [
        {
          name: 'AlertState',
          partitionKey: { name: 'pk', type: 'S' },
          globalIndexes: [{ name: 'byZone', partitionKey: { name: 'pk', type: 'N' } }],
          localIndexes: [{ name: 'byZone', sortKey: { name: 'level', type: 'N' } }],
          timeToLiveAttribute: 'pk',
          billing: 'onDemand',
        },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([
      "table 'AlertState': duplicate index name 'byZone'",
      "table 'AlertState': local indexes need a table sort key",
      "table 'AlertState': attribute 'pk' is both S and N",
      "table 'AlertState': the TTL attribute cannot be a key attribute",
    ]);
  });

  it('checks subscription targets, dead-letter queues and consumed contracts against the pattern', () => {
    // Prepare
    const declaration: ServiceDeclaration = {
      name: 'alert',
      functions: [fn('a')],
      subscriptions: [
        { rule: 'to-topic', pattern: patternFor(ReadingsNormalized), consumes: [DeviceRegistered], target: { kind: 'sns', topic: 'alerts' }, deadLetterQueue: '' },
      ],
    };

    // Act
    const problems = problemsOf(declaration);

    // Assess
    expect(problems).toEqual([
      "subscription 'to-topic': unknown topic 'alerts'",
      "subscription 'to-topic': a dead-letter queue is required",
      "subscription 'to-topic': the pattern does not admit consumed contract 'DeviceRegistered'",
    ]);
  });

  it('names the service and lists every problem in the error message', () => {
    // Prepare
    const declaration = { name: 'alert', functions: [] } as ServiceDeclaration;

    // Act
    const act = () => defineService(declaration);

    // Assess
    expect(act).toThrow("Invalid declaration of service 'alert':\n  - a service declares at least one function");
  });
});
