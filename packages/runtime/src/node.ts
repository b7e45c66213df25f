/** The Node entry: the undici transport (pooling, proxy, TLS, fast path) and streamed downloads to disk. */

export { type NodeTransport, type NodeTransportOptions, nodeTransport } from './node/transport.js';
export * from './node-helpers.js';
