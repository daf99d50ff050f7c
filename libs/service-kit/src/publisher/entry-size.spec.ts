import { entrySize } from './entry-size';

describe('entrySize', () => {
  it('counts UTF-8 bytes of Source, DetailType, Detail and Resources, plus 14 for Time', () => {
    // Prepare
    const entry = {
      Source: 'pulse.ingest', // 12
      DetailType: 'ReadingsReceived', // 16
      Detail: '{"µ":"°C"}', // 10 characters, 12 bytes (µ and ° take two each)
      Resources: ['arn:a', 'é'], // 5 + 2
      Time: new Date(0),
      EventBusName: 'pulse-dev-bus-not-counted',
    };

    // Act
    const size = entrySize(entry);

    // Assess
    expect(size).toBe(14 + 12 + 16 + 12 + 5 + 2);
  });

  it('counts no Time bytes when Time is not set', () => {
    // Act
    const size = entrySize({ Source: 'a', DetailType: 'b', Detail: '{}' });

    // Assess
    expect(size).toBe(4);
  });
});
