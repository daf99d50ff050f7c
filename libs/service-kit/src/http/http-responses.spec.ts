import { badRequest, errorResponse, json, listResponse, noContent, notFound, tooManyRequests } from './http-responses';

describe('http responses', () => {
  it('json sets status, content type, extra headers and a JSON body', () => {
    // Act
    const response = json(202, { readingIds: ['d1@1'] }, { 'x-correlation-id': 'c1' });

    // Assess
    expect(response).toEqual({
      statusCode: 202,
      headers: { 'content-type': 'application/json', 'x-correlation-id': 'c1' },
      body: '{"readingIds":["d1@1"]}',
    });
  });

  it('an error body has error.code/message, and errors only when fields are at fault', () => {
    // Act
    const plain = JSON.parse(notFound('Device d1 not found').body as string);
    const fields = JSON.parse(badRequest([{ path: 'readings[3].measurements.pm25', rule: 'minimum', message: 'must be >= 0' }]).body as string);
    const emptyIssues = JSON.parse(errorResponse(409, 'Conflict', 'exists', []).body as string);

    // Assess
    expect(plain).toEqual({ error: { code: 'NotFound', message: 'Device d1 not found' } });
    expect(fields).toEqual({
      error: { code: 'ValidationError', message: 'The request is invalid' },
      errors: [{ path: 'readings[3].measurements.pm25', rule: 'minimum', message: 'must be >= 0' }],
    });
    expect(emptyIssues).not.toHaveProperty('errors');
  });

  it('a list has items and a null nextCursor at the end', () => {
    // Act
    const middle = JSON.parse(listResponse([{ id: 1 }], 'abc').body as string);
    const last = JSON.parse(listResponse([], undefined).body as string);

    // Assess
    expect(middle).toEqual({ items: [{ id: 1 }], nextCursor: 'abc' });
    expect(last).toEqual({ items: [], nextCursor: null });
  });

  it('429 carries Retry-After in whole seconds', () => {
    // Act
    const response = tooManyRequests(1.2);

    // Assess
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('2');
    expect(JSON.parse(response.body as string).error.code).toBe('TooManyRequests');
  });

  it('204 has no body', () => {
    // Act / Assess
    expect(noContent()).toEqual({ statusCode: 204, headers: {} });
  });
});
