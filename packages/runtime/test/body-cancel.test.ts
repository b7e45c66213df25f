import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { lazyWebStream } from '../src/node/body.js';

describe('lazyWebStream', () => {
  it('cancelling an unread body does not crash the process when the Node stream errors on destroy', async () => {
    // undici's BodyReadable emits "Request aborted" when destroyed before its end; with no listener that
    // error is uncaught (vitest reports it and fails the run). The consumer cancelled: nobody is left to tell.
    const errors: string[] = [];
    const onUncaught = (error: Error) => errors.push(error.message);
    process.on('uncaughtException', onUncaught);
    try {
      const body = new Readable({
        read() {},
        destroy(error, callback) {
          callback(error ?? new Error('Request aborted'));
        },
      });
      await lazyWebStream(body).cancel();
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(body.destroyed).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
