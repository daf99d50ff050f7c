import { Readable } from 'node:stream';
import { AwsChunkedDecoder } from './aws-chunked-decoder';

async function decode(pieces: Buffer[]): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of Readable.from(pieces).pipe(new AwsChunkedDecoder())) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const framed = Buffer.from('6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n');

describe('AwsChunkedDecoder', () => {
  it('yields only the data of an unsigned body with a trailing checksum', async () => {
    expect(await decode([framed])).toBe('hello world');
  });

  it('gives the same bytes however the body is split into packets', async () => {
    for (let cut = 1; cut < framed.length; cut += 1) {
      expect(await decode([framed.subarray(0, cut), framed.subarray(cut)])).toBe('hello world');
    }
    expect(await decode([...framed].map((byte) => Buffer.from([byte])))).toBe('hello world');
  });

  it('drops chunk signatures of a signed streaming body', async () => {
    const signed = Buffer.from(`4;chunk-signature=${'a'.repeat(64)}\r\nabcd\r\n0;chunk-signature=${'b'.repeat(64)}\r\n\r\n`);
    expect(await decode([signed])).toBe('abcd');
  });

  it('passes binary data through untouched, CR and LF bytes included', async () => {
    const data = Buffer.from([0x0d, 0x0a, 0x00, 0xff, 0x0a]);
    const body = Buffer.concat([Buffer.from('5\r\n'), data, Buffer.from('\r\n0\r\n\r\n')]);
    const chunks: Buffer[] = [];
    for await (const chunk of Readable.from([body]).pipe(new AwsChunkedDecoder())) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('fails a body cut off inside a chunk', async () => {
    await expect(decode([Buffer.from('a\r\nhello')])).rejects.toThrow('ended mid-chunk');
  });

  it('fails a chunk header that is not hexadecimal', async () => {
    await expect(decode([Buffer.from('zz\r\nhello\r\n')])).rejects.toThrow('bad aws-chunked chunk header');
  });
});
