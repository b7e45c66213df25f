import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { ResponseTooLargeError } from '../errors.js';

const nodeBodies = new WeakMap<Response, Readable>();

/**
 * A web ReadableStream over a Node stream that reads nothing until it is read (high-water mark 0), so a
 * consumer that prefers the Node stream itself ({@link nodeBody}) can still take it untouched.
 */
export function lazyWebStream(body: Readable): ReadableStream<Uint8Array> {
  let iterator: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        iterator ??= body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel(reason) {
        // The consumer is done: an error the destroyed stream still emits (undici's "Request aborted") has
        // nobody left to tell, and unheard it would crash the process.
        body.on('error', () => {});
        body.destroy(reason instanceof Error ? reason : undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** Remembers the Node stream behind a Response built by the Node transport. */
export function attachNodeBody(response: Response, body: Readable): void {
  nodeBodies.set(response, body);
}

/**
 * The Node stream behind a streamed Response from the Node transport, when its web body has not been
 * touched: reading it directly skips the web-stream layer (downloads use this). `undefined` otherwise.
 */
export function nodeBody(response: Response): Readable | undefined {
  const body = nodeBodies.get(response);
  if (!body || response.bodyUsed || response.body?.locked) return undefined;
  nodeBodies.delete(response);
  return body;
}

/** Undoes a `Content-Encoding` the way fetch does (gzip, deflate, br); other codings pass through. */
export function decode(body: Readable, encoding: string | undefined): Readable {
  const coding = encoding?.trim().toLowerCase();
  if (!coding || coding === 'identity') return body;
  const decoder =
    coding === 'gzip' || coding === 'x-gzip'
      ? createGunzip()
      : coding === 'deflate'
        ? createInflate()
        : coding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) return body;
  body.on('error', (error) => decoder.destroy(error));
  return body.pipe(decoder);
}

/** Reads a whole body, failing fast (and dropping the connection) past `limit` bytes. */
export async function readAll(body: Readable, limit: number, declared: number | undefined): Promise<Buffer> {
  const tooLarge = () =>
    new ResponseTooLargeError(`The response body is larger than maxResponseBytes (${limit} bytes)`);
  if (declared !== undefined && declared > limit) {
    discard(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      discard(body);
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

/** Drops a body we will not read (the connection goes with it). */
function discard(body: Readable): void {
  body.on('error', () => {});
  body.destroy();
}
