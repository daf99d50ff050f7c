import { matchesPattern, validatePattern } from '../index';

const cidr = (block: string) => ({ ip: [{ cidr: block }] });

describe('cidr matching', () => {
  test.each([
    ['10.0.0.0/24', '10.0.0.0', true],
    ['10.0.0.0/24', '10.0.0.255', true],
    ['10.0.0.0/24', '10.0.1.0', false],
    ['10.0.0.7/24', '10.0.0.200', true],
    ['192.168.1.1/32', '192.168.1.1', true],
    ['192.168.1.1/32', '192.168.1.2', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['10.0.0.0/8', '10.0.0.256', false],
    ['10.0.0.0/8', '10.0.0', false],
    ['10.0.0.0/8', 'not an ip', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8:1234:1a00::/64', '2001:0DB8:1234:1A00:0000:0000:0000:0001', true],
    ['2001:db8:1234:1a00::/64', '2001:db8:1234:1a01::', false],
    ['::/0', '::1', true],
    ['::1/128', '0:0:0:0:0:0:0:1', true],
    ['::ffff:0:0/96', '::ffff:10.1.2.3', true],
    ['2001:db8::/32', '2001:db8::1::2', false],
    ['2001:db8::/32', '2001:db8:0:0:0:0:0:0:1', false],
  ])('%s contains %s: %s', (block, ip, expected) => {
    // Act
    const matched = matchesPattern(cidr(block), { ip });

    // Assess
    expect(matched).toBe(expected);
  });

  test('an IPv4 block never matches an IPv6 address, and vice versa', () => {
    // Act / Assess
    expect(matchesPattern(cidr('0.0.0.0/0'), { ip: '::1' })).toBe(false);
    expect(matchesPattern(cidr('::/0'), { ip: '10.0.0.1' })).toBe(false);
  });

  test('cidr only matches strings', () => {
    // Act
    const matched = matchesPattern(cidr('0.0.0.0/0'), { ip: 167772161 });

    // Assess
    expect(matched).toBe(false);
  });

  test.each([
    ['10.0.0.0/33', 'Malformed CIDR, mask bits must be between 0 and 32'],
    ['2001:db8::/129', 'Malformed CIDR, mask bits must be between 0 and 128'],
    ['10.0.0.0/x', 'Malformed CIDR, mask bits must be an integer'],
    ['10.0.0.0', "Malformed CIDR, one '/' required"],
    ['10.0.0.0/8/8', "Malformed CIDR, one '/' required"],
    ['300.0.0.0/8', 'Nonstandard IP address: 300.0.0.0'],
    ['1:2:3:4:5:6:7:8:9/64', 'Nonstandard IP address: 1:2:3:4:5:6:7:8:9'],
  ])('rejects %s', (block, reason) => {
    // Act
    const act = () => validatePattern(cidr(block));

    // Assess
    expect(act).toThrow(reason);
  });
});
