import { ConfigurationError } from './errors.js';

/** One process-wide "default client" slot, for SDKs whose service factories use the current client. */
export interface DefaultClientRegistry<T> {
  /** Makes `client` the default (the last one set wins). */
  set(client: T): void;
  /** The default client; throws (a {@link ConfigurationError} unless the SDK gave its own) when there is none. */
  get(): T;
  /** The default client, or `undefined`. */
  peek(): T | undefined;
  /** Forgets the default client; with an argument, only when it is that client. */
  clear(client?: T): void;
}

/**
 * A default-client slot. `label` names the client in the error `get()` throws when the slot is empty, unless
 * `missing` makes the SDK's own error.
 */
export function defaultClientRegistry<T>(
  label: string,
  options: { missing?: (() => Error) | undefined } = {},
): DefaultClientRegistry<T> {
  let current: T | undefined;
  return {
    set(client) {
      current = client;
    },
    get() {
      if (current === undefined) {
        throw options.missing?.() ?? new ConfigurationError(`No default ${label}: create one first.`);
      }
      return current;
    },
    peek: () => current,
    clear(client) {
      if (client === undefined || current === client) current = undefined;
    },
  };
}
