/** The globals the runtime is recognised by (tests pass their own). */
export interface RuntimeGlobals {
  Bun?: { version?: string } | undefined;
  Deno?: { version?: { deno?: string } } | undefined;
  navigator?: { userAgent?: string } | undefined;
  process?: { versions?: { node?: string }; platform?: string; arch?: string } | undefined;
}

/** Which JavaScript runtime this is, as far as the User-Agent is concerned. */
export type RuntimeName = 'bun' | 'deno' | 'workerd' | 'browser' | 'node' | 'unknown';

/**
 * The runtime, from the globals each one defines. Order matters: Bun and Deno (and workerd with
 * `nodejs_compat`) also define `process.versions.node`, so Node is the last guess.
 */
export function runtimeName(globals: RuntimeGlobals = globalThis as RuntimeGlobals): RuntimeName {
  try {
    if (globals.Bun?.version) return 'bun';
    if (globals.Deno?.version?.deno) return 'deno';
    const ua = globals.navigator?.userAgent;
    if (ua === 'Cloudflare-Workers') return 'workerd';
    if (typeof globals.process?.versions?.node === 'string') return 'node';
    if (typeof ua === 'string' && ua.startsWith('Mozilla/')) return 'browser';
  } catch {
    // A global whose getter throws (a permission, a shim) tells us nothing.
  }
  return 'unknown';
}

/**
 * The JavaScript runtime as a User-Agent product: `node/24.21.0 (linux; x64)`, `bun/1.3.0`, `deno/2.5.1`,
 * `workerd`; '' in a browser (it sends its own) or when unknown.
 */
export function runtimeProduct(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  switch (runtimeName(globals)) {
    case 'bun':
      return `bun/${globals.Bun?.version}`;
    case 'deno':
      return `deno/${globals.Deno?.version?.deno}`;
    case 'workerd':
      return 'workerd';
    case 'node': {
      const p = globals.process;
      return `node/${p?.versions?.node} (${p?.platform ?? 'unknown'}; ${p?.arch ?? 'unknown'})`;
    }
    default:
      return '';
  }
}

/**
 * The `User-Agent` an SDK sends, so the people running the server can tell which client and version a
 * request came from: `sdkforge-avatar/0.1.0 node/24.21.0 (linux; x64)`.
 */
export function userAgent(product: string, version: string, globals?: RuntimeGlobals): string {
  const runtime = runtimeProduct(globals);
  return runtime ? `${product}/${version} ${runtime}` : `${product}/${version}`;
}

/**
 * The User-Agent header to send, as a headers object: empty in a browser, where scripts cannot set it (and
 * trying would add a CORS preflight to every call).
 */
export function userAgentHeaders(
  product: string,
  version: string,
  globals?: RuntimeGlobals,
): Record<string, string> {
  if (runtimeName(globals) === 'browser') return {};
  return { 'User-Agent': userAgent(product, version, globals) };
}
