/** JWT segments are base64url without padding (RFC 7515 §2). */
export function toBase64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export function fromBase64Url(segment: string): Buffer {
  return Buffer.from(segment, 'base64url');
}
