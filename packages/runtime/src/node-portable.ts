/**
 * `@sdkforge/runtime/node` on Bun and Deno (conditions `bun`, `deno`): the same helpers as ./node.ts — streamed
 * downloads to disk, ranges, progress — without the undici transport, which does not load there (Bun's built-in
 * `undici` lacks parts of the npm package, Deno refuses undici's env reads without --allow-env). The clients
 * use the runtime's own fetch on both; `nodeTransport()` says so.
 */
import { ConfigurationError } from './errors.js';
import type { NodeTransport, NodeTransportOptions } from './node/transport.js';

export * from './node-helpers.js';
export type { NodeTransport, NodeTransportOptions };

/** The undici transport is Node's; on Bun and Deno this throws a ConfigurationError saying what to use instead. */
export function nodeTransport(_options?: NodeTransportOptions): NodeTransport {
  throw new ConfigurationError(
    "nodeTransport() is the undici transport of Node and does not run on Bun or Deno: the clients use the runtime's own fetch there (give them `fetch` to change it)",
  );
}
