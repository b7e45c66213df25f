/**
 * The process-wide default client that the service factories (`companiesService()`…) use.
 * A new client registers itself unless `setAsDefault: false`; the last one registered wins.
 */
import type { ValentinaClient } from './client.js';
import { NoDefaultClientError } from './errors.js';

let current: ValentinaClient | undefined;

/** Makes `client` the default client of the service factories. */
export function configureDefaultClient(client: ValentinaClient): void {
  current = client;
}

/** The default client. Throws {@link NoDefaultClientError} when none is registered. */
export function defaultClient(): ValentinaClient {
  if (!current) throw new NoDefaultClientError();
  return current;
}

/** Unregisters the default client; with an argument, only if it is that client. */
export function clearDefaultClient(client?: ValentinaClient): void {
  if (client === undefined || current === client) current = undefined;
}
