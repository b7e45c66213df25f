/**
 * `@sdkforge/tiktrue/node`: the runtime's undici transport, for TLS (custom CA), proxy and connection-pool
 * settings: `new TikTrueClient({ fetch: nodeTransport({ ca }) })`.
 */
export { type NodeTransport, type NodeTransportOptions, nodeTransport } from '@sdkforge/runtime/node';
