import type { ApiAnswer } from '../api-client';
import { invalid, judge, tooLarge } from './expectation';

const answer = (status: number, body: unknown): ApiAnswer => ({ status, headers: new Headers(), text: JSON.stringify(body), body });
const validation = (...errors: object[]) => ({ error: { code: 'ValidationError', message: 'No reading was accepted' }, errors });

describe('judge', () => {
  it('accepts the expected status, code and issues', () => {
    const expected = invalid({ path: "readings[0]['a b']", rules: ['additionalProperties'] }, { path: 'readings[1].timestamp', rules: ['format', 'maxLength'] });
    const actual = answer(400, validation({ path: "readings[0]['a b']", rule: 'additionalProperties', message: 'unknown' }, { path: 'readings[1].timestamp', rule: 'format', message: 'bad' }));

    expect(judge(actual, expected)).toBeUndefined();
  });

  it.each([
    ['a 5xx', answer(500, { message: 'Internal Server Error' }), 'status 500'],
    ['the gateway’s body instead of Pulse’s', answer(400, { message: 'Bad' }), 'no error object'],
    ['the rule not named', answer(400, validation({ path: 'readings[0].deviceId', rule: 'type', message: 'x' })), "no issue at 'readings[0].deviceId' with rule pattern"],
    ['a valid field blamed too', answer(400, validation({ path: 'readings[0].deviceId', rule: 'pattern', message: 'x' }, { path: 'readings[0].timestamp', rule: 'format', message: 'y' })), 'blames what was not wrong'],
  ])('refuses %s', (_case, actual, problem) => {
    expect(judge(actual, invalid({ path: 'readings[0].deviceId', rules: ['pattern'] }))).toContain(problem);
  });

  it('wants a line and a column on every JSON syntax issue', () => {
    const withoutPosition = answer(400, validation({ path: '', rule: 'json', message: 'malformed' }));
    const withPosition = answer(400, validation({ path: '', rule: 'json', message: 'malformed', line: 1, column: 9 }));

    expect(judge(withoutPosition, invalid({ path: '', rules: ['json'] }))).toContain('without line and column');
    expect(judge(withPosition, invalid({ path: '', rules: ['json'] }))).toBeUndefined();
  });

  it("wants no field issues on a 413, and odd keys spelled as Pulse formats paths (['pm2.5'], readings[0]['a b'])", () => {
    const expected = (path: string) => invalid({ path, rules: ['additionalProperties'] });
    expect(judge(answer(413, { error: { code: 'PayloadTooLarge', message: 'big' } }), tooLarge)).toBeUndefined();
    expect(judge(answer(400, validation({ path: "['pm2.5']", rule: 'additionalProperties', message: 'x' })), expected("['pm2.5']"))).toBeUndefined();
    expect(judge(answer(400, validation({ path: 'pm2.5', rule: 'additionalProperties', message: 'x' })), expected("['pm2.5']"))).toContain("no issue at '['pm2.5']'");
    expect(judge(answer(400, validation({ path: "readings[0].['a b']", rule: 'additionalProperties', message: 'x' })), expected("readings[0]['a b']"))).toContain('no issue at');
  });
});
