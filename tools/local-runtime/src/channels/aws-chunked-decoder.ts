import { Transform, type TransformCallback } from 'node:stream';

type State = 'size' | 'data' | 'dataEnd' | 'trailer' | 'done';

/**
 * Undoes the `aws-chunked` content encoding the SDK uses for streamed uploads with flexible
 * checksums: `<hex size>[;chunk-signature=…]\r\n<bytes>\r\n` … `0\r\n<trailers>\r\n\r\n`.
 * Only the bytes pass through; signatures and trailing checksums are dropped, since s3rver
 * checks neither.
 */
export class AwsChunkedDecoder extends Transform {
  private state: State = 'size';
  private line = '';
  private remaining = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let at = 0;
    try {
      while (at < chunk.length && this.state !== 'done') {
        if (this.state === 'data') {
          const take = Math.min(this.remaining, chunk.length - at);
          this.push(chunk.subarray(at, at + take));
          at += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = 'dataEnd';
          continue;
        }
        const newline = chunk.indexOf(0x0a, at);
        const end = newline === -1 ? chunk.length : newline + 1;
        this.line += chunk.toString('latin1', at, end);
        at = end;
        if (newline !== -1) this.endOfLine(this.line.replace(/\r?\n$/, ''));
      }
      callback();
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === 'done' || (this.state === 'trailer' && this.line === '') ? null : new Error('aws-chunked body ended mid-chunk'));
  }

  private endOfLine(text: string): void {
    this.line = '';
    if (this.state === 'size') {
      const size = Number.parseInt(text.split(';')[0].trim(), 16);
      if (!Number.isInteger(size) || size < 0) throw new Error(`bad aws-chunked chunk header '${text.slice(0, 80)}'`);
      this.remaining = size;
      this.state = size === 0 ? 'trailer' : 'data';
    } else if (this.state === 'dataEnd') {
      if (text !== '') throw new Error('aws-chunked chunk is longer than its declared size');
      this.state = 'size';
    } else if (this.state === 'trailer' && text === '') {
      this.state = 'done';
    }
  }
}
