import { md5Hex, md5OfMessageAttributes } from './md5';

describe('md5OfMessageAttributes', () => {
  it('matches the digest published for one String attribute', () => {
    // Prepare: the vector from a third-party SQS client's test suite.
    const attributes = { SellerName: { DataType: 'String', StringValue: 'Example Store' } };

    // Act
    const digest = md5OfMessageAttributes(attributes);

    // Assess
    expect(digest).toBe('cd28f3b68aeee4b2eac9c66f2f694b58');
  });

  it('sorts names and encodes Number attributes as strings, as SQS does', () => {
    // Prepare: the vector from sqslite (Go)'s test, given in reverse name order.
    const attributes = {
      ordinal: { DataType: 'Number', StringValue: '1' },
      category: { DataType: 'String', StringValue: 'test' },
    };

    // Act
    const digest = md5OfMessageAttributes(attributes);

    // Assess
    expect(digest).toBe('d21ae90c49061e927f57df5f5d72be1f');
  });

  it('gives no digest for no attributes and the plain MD5 for bodies', () => {
    // Prepare / Act
    const none = md5OfMessageAttributes({});

    // Assess
    expect(none).toBeUndefined();
    expect(md5Hex('hello')).toBe('5d41402abc4b2a76b9719d911017c592');
  });
});
