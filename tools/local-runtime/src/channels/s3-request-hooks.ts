import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import type S3rver from 's3rver';
import { AwsChunkedDecoder } from './aws-chunked-decoder';

/** The access key s3rver's built-in account holds; every SigV4 request is presented as it. */
export const S3RVER_ACCESS_KEY_ID = 'S3RVER';
export const S3RVER_SECRET_ACCESS_KEY = 'S3RVER';

/** The S3 operation of the request being handled, for notifications that s3rver names only by method. */
const requests = new AsyncLocalStorage<{ readonly operation: string }>();

export function currentS3Operation(): string | undefined {
  return requests.getStore()?.operation;
}

/**
 * Runs before s3rver's own middleware:
 * - any SigV4 access key is accepted: s3rver knows only its dummy account and does not verify V4
 *   signatures anyway, so the key id is rewritten to that account's (V2 signatures are checked by
 *   s3rver with the secret, so they keep needing S3RVER/S3RVER);
 * - `aws-chunked` bodies (the SDK's streamed uploads with flexible checksums) are decoded, or
 *   s3rver would store the chunk framing as the object's bytes;
 * - the operation is remembered for the notification the request may emit.
 */
export const s3RequestHooks: S3rver.Middleware = (ctx, next) => {
  acceptAnyAccessKey(ctx);
  decodeAwsChunked(ctx.req);
  return requests.run({ operation: operationOf(ctx) }, next);
};

function acceptAnyAccessKey(ctx: S3rver.Context): void {
  const { headers } = ctx.req;
  if (typeof headers.authorization === 'string' && headers.authorization.startsWith('AWS4-HMAC-SHA256')) {
    headers.authorization = headers.authorization.replace(/Credential=[^/,\s]+\//, `Credential=${S3RVER_ACCESS_KEY_ID}/`);
  }
  const credential = ctx.query['X-Amz-Credential'];
  if (typeof credential === 'string') {
    ctx.query = { ...ctx.query, 'X-Amz-Credential': credential.replace(/^[^/]+\//, `${S3RVER_ACCESS_KEY_ID}/`) };
  }
}

function decodeAwsChunked(req: IncomingMessage): void {
  const encoding = req.headers['content-encoding'];
  if (typeof encoding !== 'string' || !encoding.split(',').some((token) => token.trim() === 'aws-chunked')) return;
  const rest = encoding
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '' && token !== 'aws-chunked');
  if (rest.length > 0) req.headers['content-encoding'] = rest.join(', ');
  else delete req.headers['content-encoding'];
  const decoded = req.headers['x-amz-decoded-content-length'];
  if (typeof decoded === 'string') req.headers['content-length'] = decoded;
  // s3rver's object and part stores read the body with `req.pipe(...)`: that one call is redirected.
  const decoder = new AwsChunkedDecoder();
  decoder.on('error', (error) => req.destroy(error));
  const pipe = req.pipe.bind(req);
  pipe(decoder);
  req.pipe = ((destination, options) => decoder.pipe(destination, options)) as IncomingMessage['pipe'];
}

function operationOf(ctx: S3rver.Context): string {
  const { method, query, req } = ctx;
  if (method === 'POST' && query['uploadId'] !== undefined) return 'CompleteMultipartUpload';
  if (method === 'PUT' && req.headers['x-amz-copy-source'] !== undefined) return 'Copy';
  return method;
}
