interface RuntimeGlobals {
  Bun?: { version?: string };
  Deno?: { version?: { deno?: string } };
  process?: { versions?: { node?: string }; platform?: string; arch?: string };
}

/** The JavaScript runtime as a User-Agent product, e.g. `node/24.21.0 (linux; x64)`; '' when unknown. */
export function runtimeProduct(globals: RuntimeGlobals = globalThis as RuntimeGlobals): string {
  if (globals.Bun?.version) return `bun/${globals.Bun.version}`;
  if (globals.Deno?.version?.deno) return `deno/${globals.Deno.version.deno}`;
  const node = globals.process?.versions?.node;
  if (node)
    return `node/${node} (${globals.process?.platform ?? 'unknown'}; ${globals.process?.arch ?? 'unknown'})`;
  return '';
}

/**
 * The `User-Agent` an SDK sends, so the people running the server can tell which client and version a
 * request came from: `sdkforge-avatar/0.1.0 node/24.21.0 (linux; x64)`.
 */
export function userAgent(product: string, version: string, globals?: RuntimeGlobals): string {
  const runtime = runtimeProduct(globals);
  return runtime ? `${product}/${version} ${runtime}` : `${product}/${version}`;
}
