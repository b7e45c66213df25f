import type { CallContext } from './types.js';

/**
 * The caller's signal for this call: the one in the call options, else the Request's own (raw transport use).
 * A Request built by the request engine never carries the caller's signal (`context.engine`), so its own
 * signal, which can never fire, is not watched.
 */
export function callSignal(request: Request, context: CallContext): AbortSignal | undefined {
  return context.options.signal ?? (context.engine ? undefined : request.signal);
}

/** Settles like `promise`, or rejects with `signal.reason` as soon as the signal aborts. */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
