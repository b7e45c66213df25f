/**
 * The transport is chosen by the resolver: bundling the root entry for a browser or for workerd must not reach
 * `node:*` or undici. The bundles are made with esbuild from the sources, through the package's own
 * `imports`/`exports` maps (copied with their `./dist/*.js` targets pointed at `./src/*.ts`), so the conditions
 * and their order are the ones users get.
 */
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
let app: string;

beforeAll(async () => {
  // app/node_modules/@sdkforge/runtime: the manifest (targets → sources), the sources and the dependencies.
  app = await mkdtemp(join(tmpdir(), 'sdkforge-runtime-bundle-'));
  const pkg = join(app, 'node_modules', '@sdkforge', 'runtime');
  await mkdir(pkg, { recursive: true });
  const manifest = await readFile(join(root, 'package.json'), 'utf8');
  const toSource = (_: string, path: string) => `"./src/${path}.ts"`;
  await writeFile(
    join(pkg, 'package.json'),
    manifest
      .replace(/"\.\/dist\/([\w/.-]+?)\.d\.ts"/g, toSource)
      .replace(/"\.\/dist\/([\w/.-]+?)\.js"/g, toSource),
  );
  await symlink(join(root, 'src'), join(pkg, 'src'));
  await symlink(join(root, 'node_modules'), join(pkg, 'node_modules'));
});

afterAll(async () => {
  await rm(app, { recursive: true, force: true });
});

const ROOT_ENTRY = "import { ClientCore, readEnv } from '@sdkforge/runtime'; export { ClientCore, readEnv };";

async function bundle(
  conditions: string[],
  platform: 'browser' | 'neutral' | 'node',
  contents = ROOT_ENTRY,
): Promise<Metafile> {
  const result = await build({
    stdin: {
      contents,
      resolveDir: app,
      loader: 'ts',
    },
    absWorkingDir: app,
    bundle: true,
    write: false,
    format: 'esm',
    platform,
    conditions,
    mainFields: ['module', 'main'],
    // Keep the paths under app/node_modules, so the copied manifest is the one in force.
    preserveSymlinks: true,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

function reached(metafile: Metafile): { inputs: string[]; nodeImports: string[] } {
  const inputs = Object.keys(metafile.inputs);
  const nodeImports = Object.values(metafile.inputs).flatMap((input) =>
    input.imports.filter((i) => i.path.startsWith('node:') || i.path === 'undici').map((i) => i.path),
  );
  return { inputs, nodeImports };
}

/** The inputs a module loader evaluates before the entry runs: static imports from the entry, not dynamic ones. */
function staticallyReached(metafile: Metafile): string[] {
  const seen = new Set<string>();
  const queue = Object.keys(metafile.inputs).filter((i) => i.startsWith('<stdin>'));
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    for (const i of metafile.inputs[next]?.imports ?? [])
      if (i.kind !== 'dynamic-import' && !i.external) queue.push(i.path);
  }
  return [...seen];
}

describe('static transport choice', () => {
  it.each([
    ['browser (esbuild --platform=browser)', [], 'browser', 'fetch'],
    ['workerd (wrangler: workerd, worker, browser)', ['workerd', 'worker', 'browser'], 'neutral', 'fetch'],
    ['a web worker', ['worker'], 'neutral', 'fetch'],
    ['no condition (default)', [], 'neutral', 'fetch'],
    // Bun and Deno also match `node`: their own conditions must win.
    ['deno', ['deno', 'node'], 'neutral', 'deno'],
    ['bun', ['bun', 'node'], 'neutral', 'bun'],
  ] as const)(
    '%s: the root entry bundles without node:* or undici',
    async (_name, conditions, platform, module) => {
      const { inputs, nodeImports } = reached(await bundle([...conditions], platform));
      const platforms = inputs.filter((i) => i.includes('src/platform/') && !i.endsWith('types.ts'));
      expect(platforms).toEqual([expect.stringMatching(new RegExp(`src/platform/${module}\\.ts$`))]);
      expect(inputs.filter((i) => /src\/node\/|undici/.test(i))).toEqual([]);
      expect(nodeImports).toEqual([]);
    },
    30_000,
  );

  it('node: the root entry reaches the undici transport (the check above can see it)', async () => {
    const { inputs, nodeImports } = reached(await bundle(['node'], 'node'));
    expect(inputs.some((i) => i.endsWith('src/platform/node.ts'))).toBe(true);
    expect(inputs.some((i) => i.endsWith('src/node/transport.ts'))).toBe(true);
    expect(inputs.some((i) => i.includes('undici'))).toBe(true);
    expect(nodeImports.length).toBeGreaterThan(0);
  }, 30_000);

  // Bun and Deno match `node`, so an SDK's Node-only helpers (downloads to disk) load there too: the ./node entry
  // must not load undici with it (Bun's built-in `undici` lacks parts of it; Deno refuses its env reads). A
  // download from a URL without `fetch` still imports the pool on demand: only static imports count here.
  it.each([
    ['bun', ['bun', 'node']],
    ['deno', ['deno', 'node']],
  ] as const)(
    '%s: @sdkforge/runtime/node loads without undici',
    async (_name, conditions) => {
      const entry = "export { download, downloadMany, nodeTransport } from '@sdkforge/runtime/node';";
      const loaded = staticallyReached(await bundle([...conditions], 'node', entry));
      expect(loaded.some((i) => i.endsWith('src/node-portable.ts'))).toBe(true);
      expect(loaded.some((i) => i.endsWith('src/node/download.ts'))).toBe(true);
      expect(loaded.filter((i) => /src\/node\/transport\.ts|undici/.test(i))).toEqual([]);
    },
    30_000,
  );

  it('node: @sdkforge/runtime/node still loads the undici transport (the check above can see it)', async () => {
    const entry = "export { download, nodeTransport } from '@sdkforge/runtime/node';";
    const loaded = staticallyReached(await bundle(['node'], 'node', entry));
    expect(loaded.some((i) => i.endsWith('src/node.ts'))).toBe(true);
    expect(loaded.some((i) => i.endsWith('src/node/transport.ts'))).toBe(true);
  }, 30_000);
});
