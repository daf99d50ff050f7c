import { checkFaultRules, FaultRulesError, parseFaultRules } from './fault-rules';

describe('parseFaultRules (PULSE_FAULTS)', () => {
  it('reads target:probability pairs, with error as the default kind', () => {
    expect(parseFaultRules('transform:0.2,persist:0.1')).toEqual([
      { target: 'transform', probability: 0.2, kind: 'error' },
      { target: 'persist', probability: 0.1, kind: 'error' },
    ]);
  });

  it('reads an explicit kind, * for every function, and ignores whitespace', () => {
    expect(parseFaultRules(' *:0.15 , store-readings:.05:timeout,*:0.05:throttle ')).toEqual([
      { target: '*', probability: 0.15, kind: 'error' },
      { target: 'store-readings', probability: 0.05, kind: 'timeout' },
      { target: '*', probability: 0.05, kind: 'throttle' },
    ]);
  });

  it('means no faults when empty or unset', () => {
    expect(parseFaultRules(undefined)).toEqual([]);
    expect(parseFaultRules('   ')).toEqual([]);
  });

  it.each([
    ['transform', "PULSE_FAULTS: entry 1 'transform': expected <function or service or *>:<probability 0..1>[:error|timeout|throttle], e.g. transform:0.2"],
    ['transform:0.2,', 'PULSE_FAULTS: entry 2 is empty; expected <function or service or *>:<probability 0..1>[:error|timeout|throttle]'],
    ['transform:abc', "PULSE_FAULTS: entry 1 'transform:abc': probability 'abc' is not a number between 0 and 1"],
    ['transform:', "PULSE_FAULTS: entry 1 'transform:': probability '' is not a number between 0 and 1"],
    ['transform:-0.1', "PULSE_FAULTS: entry 1 'transform:-0.1': probability '-0.1' is not a number between 0 and 1"],
    ['transform:0x1', "PULSE_FAULTS: entry 1 'transform:0x1': probability '0x1' is not a number between 0 and 1"],
    ['transform:1.5', 'PULSE_FAULTS: transform:1.5: the probability must be between 0 and 1'],
    [':0.2', "PULSE_FAULTS: entry 1 ':0.2': the function or service name is empty"],
    ['transform:0.2:crash', "PULSE_FAULTS: entry 1 'transform:0.2:crash': unknown kind 'crash'; kinds are error, timeout, throttle"],
    ['a:0.1:error:x', "PULSE_FAULTS: entry 1 'a:0.1:error:x': expected <function or service or *>:<probability 0..1>[:error|timeout|throttle], e.g. transform:0.2"],
    ['transform:0.1,transform:0.2:error', 'PULSE_FAULTS: transform:error is given twice'],
    ['persist:0.7,persist:0.4:timeout', 'PULSE_FAULTS: the probabilities for persist add up to 1.1; at most 1'],
  ])('rejects %p with a message naming the entry and the rule', (text, message) => {
    expect(() => parseFaultRules(text)).toThrow(new FaultRulesError(message.replace(/^PULSE_FAULTS: /, '')));
  });

  it('throws a FaultRulesError (so a CLI can print its message alone)', () => {
    let thrown: unknown;
    try {
      parseFaultRules('x:2');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(FaultRulesError);
    expect((thrown as Error).name).toBe('FaultRulesError');
  });

  it('accepts kinds of one target that add up to exactly 1, decimal rounding included', () => {
    expect(() => parseFaultRules('x:0.7,x:0.2:timeout,x:0.1:throttle')).not.toThrow();
  });

  it('applies the same checks to rules built in code', () => {
    expect(() => checkFaultRules([{ target: 'x', probability: Number.NaN, kind: 'error' }])).toThrow(/between 0 and 1/);
    expect(() => checkFaultRules([{ target: 'x', probability: 0.1, kind: 'explode' as never }])).toThrow(/unknown kind 'explode'/);
  });
});
