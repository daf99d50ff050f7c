import { parseIpAddress, parseIpv4 } from './ip-address';
import type { Fail } from './numeric';

export interface CidrBlock {
  readonly text: string;
  readonly family: 4 | 6;
  readonly bits: number;
  /** The network address with host bits cleared, shifted right by the host bit count. */
  readonly network: bigint;
  /** For IPv4, the same as plain numbers: matching then needs no BigInt work. */
  readonly v4?: { readonly mask: number; readonly network: number };
}

/** Parses "10.0.0.0/24" or "2001:db8::/64", rejecting with AWS's wording. */
export function parseCidr(operand: unknown, fail: Fail): CidrBlock {
  // AWS reports a non-string cidr with the prefix operator's message; kept for parity.
  if (typeof operand !== 'string') fail('prefix match pattern must be a string');
  const text = operand as string;
  const parts = text.split('/');
  if (parts.length !== 2) fail("Malformed CIDR, one '/' required");
  const [ipText, maskText] = parts as [string, string];
  if (!/^\d+$/.test(maskText)) fail('Malformed CIDR, mask bits must be an integer');
  const ip = parseIpAddress(ipText);
  if (!ip) fail(`Nonstandard IP address: ${ipText}`);
  const { family, value } = ip as NonNullable<typeof ip>;
  const width = family === 4 ? 32 : 128;
  const bits = Number(maskText);
  if (bits > width) fail(`Malformed CIDR, mask bits must be between 0 and ${width}`);
  const block = { text, family, bits, network: value >> BigInt(width - bits) };
  if (family === 6) return block;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return { ...block, v4: { mask, network: (Number(value) & mask) >>> 0 } };
}

/** True when `value` is an IP address string of the block's family inside the block. */
export function matchesCidr(block: CidrBlock, value: string): boolean {
  if (block.v4) {
    const ip = parseIpv4(value);
    return ip !== undefined && (ip & block.v4.mask) >>> 0 === block.v4.network;
  }
  const ip = parseIpAddress(value);
  if (!ip || ip.family !== 6) return false;
  return ip.value >> BigInt(128 - block.bits) === block.network;
}
