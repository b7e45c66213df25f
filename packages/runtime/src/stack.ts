import { createTransport, platformFetch } from './transport.js';
import type { Fetch, Policy } from './types.js';

/** What every SDK client configures about its transport. */
export interface TransportOptions {
  /** The base fetch (a test double, undici's fetch, …). @default the platform's fetch */
  fetch?: Fetch;
  /** Credentials policy (api key, bearer, login with refresh). */
  auth?: Policy;
  /** Extra policies, placed outermost (they see every attempt's outcome last). */
  policies?: readonly Policy[];
}

/**
 * The one place that fixes the order of policies, outermost first:
 * user policies → auth → base fetch.
 */
export function createSdkTransport(options: TransportOptions = {}): Fetch {
  const policies: Policy[] = [...(options.policies ?? [])];
  if (options.auth) policies.push(options.auth);
  return createTransport(options.fetch ?? platformFetch, policies);
}
