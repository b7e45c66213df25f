import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * Starts `prism mock` for one spec on a free port of 127.0.0.1 and resolves once it listens.
 * `--errors` makes any request that breaks the spec fail loudly (422 + `sl-violations`).
 */
export async function startPrism(
  spec: string,
  { timeoutMs = 60_000, basePath = '' } = {},
): Promise<RunningMock> {
  const port = await freePort();
  const cli = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist', 'index.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, 'mock', '-h', '127.0.0.1', '-p', String(port), '--errors', spec],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    },
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`Prism did not start for ${spec} in ${timeoutMs} ms:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited with ${code} for ${spec}:\n${output}`));
    });
  });
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  const proxy = await startPrefixProxy(port, basePath);
  return {
    url: proxy.url,
    async stop() {
      await proxy.close();
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** One response the proxy passed back to a client: what the mock actually served. */
export interface ServedResponse {
  method: string;
  /** The path (and query) the client asked for. */
  path: string;
  status: number;
  contentType: string | undefined;
  bytes: number;
  sha256: string;
}

/** Where a mock fronted by {@link startPrefixProxy} lists the responses it served (newest last). */
export const SERVED_LOG_PATH = '/__sdkforge/served';

/**
 * Prism matches request paths against `paths` only, ignoring the base path of `servers[0]` (e.g.
 * `/api/v1`). The SDKs send the real server's full paths, so a small proxy in front of Prism strips
 * that prefix from the paths under it. It also hashes every body it passes back and lists them at
 * {@link SERVED_LOG_PATH}, so a test can compare the bytes an SDK returned with the bytes the mock sent.
 */
export async function startPrefixProxy(target: number | string, basePath: string) {
  const upstreamUrl = new URL(typeof target === 'number' ? `http://127.0.0.1:${target}` : target);
  const served: ServedResponse[] = [];
  const server = createHttpServer((req, res) => {
    const url = req.url ?? '/';
    if (req.method === 'GET' && url === SERVED_LOG_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(served));
      return;
    }
    // Operations with servers of their own (e.g. TikTrue's root-level /health/) pass through unchanged.
    const stripped = basePath && url.startsWith(`${basePath}/`) ? url.slice(basePath.length) : url;
    const path = upstreamUrl.pathname.replace(/\/+$/, '') + stripped;
    const upstream = httpRequest(
      {
        host: upstreamUrl.hostname,
        port: upstreamUrl.port || 80,
        method: req.method,
        path,
        headers: { ...req.headers, host: upstreamUrl.host },
      },
      (up) => {
        const hash = createHash('sha256');
        let bytes = 0;
        up.on('data', (chunk: Buffer) => {
          hash.update(chunk);
          bytes += chunk.length;
        });
        // Registered before pipe(): the record exists before the client sees the end of the body.
        up.on('end', () => {
          served.push({
            method: req.method ?? 'GET',
            path: url,
            status: up.statusCode ?? 0,
            contentType: up.headers['content-type'],
            bytes,
            sha256: hash.digest('hex'),
          });
          if (served.length > 500) served.shift();
        });
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (error) => res.writeHead(502).end(String(error)));
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
