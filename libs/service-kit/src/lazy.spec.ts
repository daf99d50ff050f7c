import { lazy } from './lazy';

describe('lazy', () => {
  it('builds on first use only, and keeps even an undefined value', () => {
    // Prepare
    const build = jest.fn(() => undefined);
    const value = lazy(build);
    // Act / Assess
    expect(build).not.toHaveBeenCalled();
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('builds again after a failed first build, so a fixed environment recovers', () => {
    let attempts = 0;
    const value = lazy(() => {
      attempts += 1;
      if (attempts === 1) throw new Error('Missing environment variable PULSE_BUS_NAME');
      return 'client';
    });
    expect(() => value()).toThrow(/PULSE_BUS_NAME/);
    expect(value()).toBe('client');
  });
});
