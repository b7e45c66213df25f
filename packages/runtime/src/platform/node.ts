/**
 * The platform module of Node (`node` condition only): the undici transport of `../node/transport.ts`, loaded
 * on the first call so that importing the SDK stays cheap. A failure to load or run it is a
 * {@link TransportError} that names it, never a parse or connection error.
 */
import { TransportError } from '../errors.js';
import type { NodeTransport, NodeTransportOptions } from '../node/transport.js';
import type { Fetch } from '../types.js';
import type { BaseTransport, PlatformInit } from './types.js';

export const PLATFORM = 'node';

const NAME = 'the Node transport (undici)';

/** How the module is loaded (tests replace it to simulate a runtime where undici is not the npm package). */
export type TransportLoader = () => Promise<{ nodeTransport(options: NodeTransportOptions): NodeTransport }>;

const defaultLoader: TransportLoader = () => import('../node/transport.js');

export function createBaseTransport(
  init: PlatformInit,
  load: TransportLoader = defaultLoader,
): BaseTransport {
  let transport: Promise<NodeTransport> | undefined;
  const options = { ...init.node, timeout: init.timeout } as NodeTransportOptions;
  const get = (): Promise<NodeTransport> => {
    transport ??= load().then(
      (module) => {
        try {
          return module.nodeTransport(options);
        } catch (error) {
          throw new TransportError(NAME, `could not be started: ${describe(error)}`, { cause: error });
        }
      },
      (error: unknown) => {
        throw new TransportError(NAME, `could not be loaded: ${describe(error)}`, { cause: error });
      },
    );
    return transport;
  };
  const fetch: Fetch = async (request, context) => {
    const send = await get();
    try {
      return await send(request, context);
    } catch (error) {
      throw isDefect(error)
        ? new TransportError(NAME, `failed: ${describe(error)}`, { cause: error })
        : error;
    }
  };
  return {
    fetch,
    name: NAME,
    async close() {
      const pending = transport;
      transport = undefined;
      if (!pending) return;
      // A transport that never loaded holds nothing to release.
      const loaded = await pending.catch(() => undefined);
      await loaded?.close();
    },
  };
}

const DEFECT = /is not a (constructor|function)|Cannot read properties of (undefined|null)|is not an object/;

/**
 * An error of the code, not of the network: the transport does not work on this runtime (a bundler turned a
 * missing export into `undefined`, a global is absent). Network errors carry codes and other messages.
 */
function isDefect(error: unknown): boolean {
  if (error instanceof SyntaxError || error instanceof ReferenceError) return true;
  return error instanceof TypeError && DEFECT.test(error.message);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
