/**
 * The runtime matrix (issue 13): each SDK's user program (programs/<sdk>.ts, public surface only)
 * runs on every runtime the READMEs promise, against a loopback mock of its API (mock.ts), with the
 * packages installed as a user gets them: `pnpm pack` tarballs installed by npm into a fresh project,
 * so the exports maps and their conditions are what is tested. Then the browser size budget.
 *
 *   node test/runtimes/run.ts [--only <row substring>] [--sdk <name>] [--no-size]
 *                             [--advisory | --budget-advisory | --matrix-advisory]
 *
 * Prints a runtime × SDK table; exits 1 on any red cell or a budget overrun (--budget-advisory: only on a
 * red cell; --matrix-advisory: only on a budget overrun; with --advisory or
 * SDKFORGE_RUNTIMES_ADVISORY=1 it reports and exits 0). Needs the packages built (`pnpm build`).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { builtinModules, createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { basename, dirname, extname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CHROMIUM_ARGS } from '../../scripts/chromium-args.ts';
import { cacheDir, installTools, npmEnv, versions } from './install.ts';
import { type Mock, startMock } from './mock.ts';
import type {
  EsbuildApi,
  MiniflareApi,
  MiniflareInstance,
  PlaywrightBrowser,
  PlaywrightChromium,
  RolldownApi,
  ViteApi,
} from './tool-types.ts';

const here = import.meta.dirname;
const root = join(here, '..', '..');
const SDKS = ['valentina', 'avatar', 'tiktrue'] as const;
type Sdk = (typeof SDKS)[number];
const PACKAGES = ['runtime', ...SDKS];
/** Browser budget of one Valentina call, min+gzip. */
const BUDGET_BYTES = 25_000;
const CELL_TIMEOUT_MS = 90_000;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    sdk: { type: 'string' },
    'no-size': { type: 'boolean' },
    'no-matrix': { type: 'boolean' },
    advisory: { type: 'boolean' },
    'budget-advisory': { type: 'boolean' },
    'matrix-advisory': { type: 'boolean' },
    concurrency: { type: 'string' },
    keep: { type: 'boolean' },
  },
});
const advisory = args.advisory || process.env.SDKFORGE_RUNTIMES_ADVISORY === '1';
/** The budget is reported but does not fail the step (the matrix still does). */
const budgetAdvisory = advisory || args['budget-advisory'];
/** Red cells are reported but do not fail the step (the budget still does). */
const matrixAdvisory = advisory || args['matrix-advisory'];
const sdks = SDKS.filter((s) => !args.sdk || args.sdk.split(',').includes(s));

const t0 = Date.now();
function log(msg: string) {
  process.stderr.write(
    `\x1b[2m[runtimes ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)}s]\x1b[0m ${msg}\n`,
  );
}

// ───────────────────────────── set-up: tools, tarballs, a user's project ─────────────────────────────

const tools = installTools();
// One work folder per run (runs from several worktrees may overlap), removed at the end unless --keep.
mkdirSync(cacheDir, { recursive: true });
const work = mkdtempSync(join(cacheDir, 'work-'));
const tarballs = join(work, 'tarballs');
const project = join(work, 'project');
mkdirSync(tarballs, { recursive: true });
mkdirSync(join(project, 'programs'), { recursive: true });

const tgz: Record<string, string> = {};
for (const pkg of PACKAGES) {
  const dir = join(root, 'packages', pkg);
  if (!existsSync(join(dir, 'dist')))
    throw new Error(`packages/${pkg}/dist is missing: run pnpm build first`);
  const r = spawnSync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pnpm pack in packages/${pkg} failed:\n${r.stderr}`);
  const file = readdirSync(tarballs).find((f) => f.startsWith(`sdkforge-${pkg}-`) && f.endsWith('.tgz'));
  if (!file) throw new Error(`pnpm pack wrote no tarball for ${pkg}`);
  tgz[pkg] = join(tarballs, file);
}
log(
  `packed ${Object.values(tgz)
    .map((f) => relative(work, f))
    .join(', ')}`,
);

const dependencies: Record<string, string> = {};
for (const pkg of PACKAGES) dependencies[`@sdkforge/${pkg}`] = `file:${tgz[pkg]}`;
writeFileSync(
  join(project, 'package.json'),
  JSON.stringify(
    {
      name: 'runtime-matrix-user',
      private: true,
      type: 'module',
      dependencies,
      // The SDKs depend on @sdkforge/runtime by version; take the tarball, not the registry.
      overrides: { '@sdkforge/runtime': `file:${tgz.runtime}` },
    },
    null,
    2,
  ),
);
for (const sdk of SDKS) cpSync(join(here, 'programs', `${sdk}.ts`), join(project, 'programs', `${sdk}.ts`));

const describe = `function describe(e) {
  const parts = [];
  for (let c = e, i = 0; c && i < 4; c = c.cause, i++) parts.push(c instanceof Error ? c.name + ': ' + c.message : String(c));
  const stack = e instanceof Error && e.stack ? e.stack.split('\\n').slice(1, 4).map((l) => l.trim()).join(' | ') : '';
  return parts.join(' ← caused by ') + (stack ? ' @ ' + stack : '');
}`;
for (const sdk of SDKS) {
  // Node, Bun, Deno: a command-line program (type-stripped TypeScript; erasable syntax only).
  writeFileSync(
    join(project, `cli-${sdk}.ts`),
    `import { main } from './programs/${sdk}.ts';
${describe}
const g: any = globalThis;
const base: string = g.Deno ? g.Deno.args[0] : g.process.argv[2];
try {
  console.log('RESULT ' + JSON.stringify({ ok: true, lines: await main(base) }));
} catch (e) {
  console.log('RESULT ' + JSON.stringify({ ok: false, error: describe(e) }));
}
`,
  );
  // Cloudflare Workers: a module worker that runs the program per request.
  writeFileSync(
    join(project, `worker-${sdk}.ts`),
    `import { main } from './programs/${sdk}.ts';
${describe}
export default {
  async fetch(request: Request): Promise<Response> {
    const base = new URL(request.url).searchParams.get('base') ?? '';
    try {
      return Response.json({ ok: true, lines: await main(base) });
    } catch (e) {
      return Response.json({ ok: false, error: describe(e) });
    }
  },
};
`,
  );
  // Browsers: a page script.
  writeFileSync(
    join(project, `browser-${sdk}.ts`),
    `import { main } from './programs/${sdk}.ts';
${describe}
const g: any = globalThis;
const base = new URLSearchParams(g.location.search).get('base') ?? '';
main(base).then(
  (lines) => { g.__result = { ok: true, lines }; },
  (e) => { g.__result = { ok: false, error: describe(e) }; },
);
`,
  );
  writeFileSync(
    join(project, `browser-${sdk}.html`),
    `<!doctype html><html><head><meta charset="utf-8"><title>${sdk}</title></head><body><script type="module" src="./browser-${sdk}.ts"></script></body></html>\n`,
  );
}
writeFileSync(
  join(project, 'size-entry.ts'),
  `// The browser budget: one Valentina call, as in the README.
import { ValentinaClient } from '@sdkforge/valentina';
const client = new ValentinaClient({ apiKey: 'browser-key', baseUrl: 'https://api.example.test' });
const company = await client.companies.get('019a3c1e-5b2f-7c44-9e61-2d7f0a8b3c15');
document.title = company.name;
`,
);

log('npm install of the packed tarballs into a fresh project');
{
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'], {
    cwd: project,
    encoding: 'utf8',
    env: npmEnv(),
  });
  if (r.status !== 0) throw new Error(`npm install in ${project} failed:\n${r.stderr}`);
}

const requireTool = createRequire(join(tools.modules, 'noop.js'));
async function tool<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(requireTool.resolve(name)).href)) as T;
}

// ───────────────────────────── cells ─────────────────────────────

interface Outcome {
  ok: boolean;
  /** Short text for the table cell (✓ … / ✗ …). */
  note?: string;
  /** Full reason for a red cell. */
  error?: string;
  lines?: string[];
}
interface Row {
  name: string;
  /** How the row is run, for the legend. */
  how: string;
  /** Set up once for the row (e.g. build bundles); a thrown error reds every cell. */
  prepare?: () => Promise<void>;
  run(sdk: Sdk, mock: Mock): Promise<Outcome>;
  /** What the User-Agent must say on this runtime (undefined: not checked). */
  userAgent?: { must: RegExp; mustNot?: RegExp; says: string };
  /** Why every cell of the row is red without running (e.g. no Chromium). */
  skip?: string;
  cleanup?: () => Promise<void>;
}

function parseResult(text: string): Outcome | undefined {
  const line = text
    .split('\n')
    .reverse()
    .find((l) => l.startsWith('RESULT '));
  if (!line) return undefined;
  const r = JSON.parse(line.slice(7)) as { ok: boolean; lines?: string[]; error?: string };
  return r.ok ? { ok: true, lines: r.lines ?? [] } : { ok: false, error: r.error ?? 'failed' };
}

/** Runs a cell's process; its outcome is the RESULT line it prints, or (mode 'exit') its exit code. */
function runProcess(
  cmd: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  mode: 'result' | 'exit' = 'result',
): Promise<Outcome> {
  return new Promise((resolve) => {
    let out = '';
    let err = '';
    const child: ChildProcess = spawn(cmd, argv, { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CELL_TIMEOUT_MS);
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.stderr!.on('data', (d) => {
      err += d;
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, error: `could not start ${cmd}: ${e.message}` });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (mode === 'exit') {
        if (code === 0) return resolve({ ok: true, lines: [] });
        const errors = out.split('\n').filter((l) => /error TS\d+/.test(l));
        return resolve({
          ok: false,
          error:
            `${errors.length} error(s): ${errors.slice(0, 2).join(' | ').replaceAll(project, '.')}`.slice(
              0,
              600,
            ),
        });
      }
      const parsed = parseResult(out);
      if (parsed) return resolve(parsed);
      const tail = firstError(err) || out.trim().split('\n').slice(-3).join(' | ');
      resolve({ ok: false, error: `${signal === 'SIGKILL' ? 'timed out' : `exit ${code}`}: ${tail}` });
    });
  });
}

/** The most telling line of a crash's stderr (the error line, not the stack). */
function firstError(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !/ExperimentalWarning|--trace-warnings|^\(node:\d+\) Warning/.test(l));
  const i = lines.findIndex((l) => /(Error|error:|Exception|NotCapable|SyntaxError)/.test(l));
  return (i >= 0 ? lines.slice(i, i + 2) : lines.slice(-2)).join(' | ').slice(0, 400);
}

/** A clean environment: what a user's shell has, none of this harness's settings. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ...extra };
  return env;
}

const rows: Row[] = [];

for (const version of versions.node) {
  rows.push({
    name: `Node ${version}`,
    how: `node-${process.platform}-${process.arch}@${version} runs cli-<sdk>.ts (type stripping)`,
    run: (sdk, mock) => runProcess(tools.node[version]!, [`cli-${sdk}.ts`, mock.url], cleanEnv()),
    userAgent: { must: new RegExp(`node/${version.replace(/\./g, '\\.')}`), says: `node/${version}` },
  });
}
rows.push({
  name: `Bun ${versions.tools.bun}`,
  how: 'npm bun runs cli-<sdk>.ts',
  run: (sdk, mock) => runProcess(tools.bun, [`cli-${sdk}.ts`, mock.url], cleanEnv()),
  userAgent: { must: /\bbun\//i, mustNot: /\bnode\//, says: 'bun/<version>' },
});
rows.push({
  name: `Deno ${versions.tools.deno}`,
  how: 'npm deno: deno run --allow-net cli-<sdk>.ts (no other permission)',
  run: (sdk, mock) =>
    runProcess(
      tools.deno,
      ['run', '--allow-net', '--no-prompt', `cli-${sdk}.ts`, mock.url],
      cleanEnv({ DENO_DIR: join(cacheDir, 'deno-dir'), DENO_NO_UPDATE_CHECK: '1' }),
    ),
  userAgent: { must: /\bdeno\//i, mustNot: /\bnode\//, says: 'deno/<version>' },
});

// TypeScript: the program type-checks against the packed declarations, under the config `tsc --init`
// writes (strict, exactOptionalPropertyTypes, module nodenext) and with moduleResolution bundler.
for (const mode of ['nodenext', 'bundler'] as const) {
  const dir = join(project, `tsc-${mode}`);
  rows.push({
    name: `TypeScript ${versions.tools.typescript} (${mode})`,
    how: `tsc --noEmit of programs/<sdk>.ts with the tsconfig \`tsc --init\` writes${mode === 'bundler' ? ', module preserve + moduleResolution bundler' : ' (module nodenext)'}`,
    prepare: async () => {
      mkdirSync(dir, { recursive: true });
      const init = spawnSync(process.execPath, [join(tools.modules, 'typescript', 'bin', 'tsc'), '--init'], {
        cwd: dir,
        encoding: 'utf8',
      });
      if (init.status !== 0) throw new Error(`tsc --init failed: ${init.stdout}${init.stderr}`);
    },
    run: async (sdk) => {
      const config = {
        extends: './tsconfig.json',
        compilerOptions: {
          noEmit: true,
          ...(mode === 'bundler' ? { module: 'preserve', moduleResolution: 'bundler' } : {}),
        },
        files: [`../programs/${sdk}.ts`],
      };
      writeFileSync(join(dir, `tsconfig.${sdk}.json`), JSON.stringify(config, null, 2));
      const tsc = join(tools.modules, 'typescript', 'bin', 'tsc');
      const r = await runProcess(
        process.execPath,
        [tsc, '-p', join(dir, `tsconfig.${sdk}.json`), '--pretty', 'false'],
        cleanEnv(),
        'exit',
      );
      return r;
    },
  });
}

// Cloudflare workerd through miniflare, on a wrangler-style esbuild bundle.
for (const compat of [true, false]) {
  const dir = join(work, compat ? 'workerd-compat' : 'workerd');
  const built: Partial<Record<Sdk, string>> = {};
  rows.push({
    name: compat ? 'workerd (nodejs_compat)' : 'workerd (no flag)',
    how: `esbuild bundle like wrangler's (conditions workerd, worker, browser; node:* left to the runtime), run by miniflare ${versions.tools.miniflare}${compat ? ' with compatibility flag nodejs_compat' : ''}`,
    prepare: async () => {
      const esbuild = await tool<EsbuildApi>('esbuild');
      for (const sdk of sdks) {
        try {
          await esbuild.build({
            absWorkingDir: project,
            entryPoints: [`worker-${sdk}.ts`],
            outfile: join(dir, `${sdk}.mjs`),
            bundle: true,
            format: 'esm',
            target: 'es2022',
            platform: 'neutral',
            conditions: ['workerd', 'worker', 'browser'],
            mainFields: ['browser', 'module', 'main'],
            external: ['cloudflare:*'],
            // Like wrangler: with nodejs_compat the runtime provides node:* (and require() of them becomes
            // an import); without it, importing a Node built-in fails the build.
            plugins: compat ? [nodeBuiltinsFromRuntime] : [],
            logLevel: 'silent',
          });
          built[sdk] = join(dir, `${sdk}.mjs`);
        } catch (e) {
          built[sdk] = undefined;
          buildErrors.set(`${dir}:${sdk}`, bundleError(e));
        }
      }
    },
    run: async (sdk, mock) => {
      const script = built[sdk];
      if (!script) return { ok: false, error: `esbuild: ${buildErrors.get(`${dir}:${sdk}`)}` };
      const { Miniflare } = await tool<MiniflareApi>('miniflare');
      let mf: MiniflareInstance | undefined;
      let runtimeErr = '';
      try {
        mf = new Miniflare({
          modules: true,
          modulesRoot: dirname(script),
          scriptPath: script,
          compatibilityDate: versions.workerdCompatibilityDate,
          compatibilityFlags: compat ? ['nodejs_compat'] : [],
          cf: false, // no request for Cloudflare's `cf` object (that is a DNS lookup)
          handleRuntimeStdio: (stdout, stderr) => {
            stdout.on('data', () => {});
            stderr.on('data', (d: Buffer) => {
              runtimeErr += d;
            });
          },
        });
        await mf.ready;
        const res = await mf.dispatchFetch(`http://worker.test/?base=${encodeURIComponent(mock.url)}`);
        const text = await res.text();
        try {
          const r = JSON.parse(text) as { ok: boolean; lines?: string[]; error?: string };
          return r.ok ? { ok: true, lines: r.lines ?? [] } : { ok: false, error: r.error ?? 'failed' };
        } catch {
          return { ok: false, error: `worker answered ${res.status}: ${text.split('\n')[0]!.slice(0, 300)}` };
        }
      } catch (e) {
        const why = firstError(
          runtimeErr.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), ''),
        );
        return {
          ok: false,
          error: `workerd: ${String((e as Error).message ?? e).split('\n')[0]}${why ? ` — ${why}` : ''}`,
        };
      } finally {
        await mf?.dispose().catch(() => {});
      }
    },
    userAgent: { must: /workerd|cloudflare|workers/i, mustNot: /\bnode\//, says: 'the Workers runtime' },
  });
}
const buildErrors = new Map<string, string>();
/** wrangler's handling of Node built-ins under nodejs_compat: left to the runtime, require() made an import. */
const nodeBuiltinsFromRuntime = {
  name: 'node-builtins-from-runtime',
  setup(build: {
    onResolve(o: { filter: RegExp }, cb: (a: { path: string; kind: string }) => unknown): void;
    onLoad(o: { filter: RegExp; namespace: string }, cb: (a: { path: string }) => unknown): void;
  }) {
    const builtins = new RegExp(
      `^(node:)?(${builtinModules.map((m) => m.replace(/\//g, '\\/')).join('|')})$`,
    );
    build.onResolve({ filter: builtins }, ({ path, kind }) => {
      const name = path.startsWith('node:') ? path : `node:${path}`;
      return kind === 'require-call'
        ? { path: name, namespace: 'node-require' }
        : { path: name, external: true };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-require' }, ({ path }) => ({
      contents: `import lib from '${path}'; module.exports = lib;`,
      loader: 'js',
    }));
  },
};
function bundleError(e: unknown): string {
  const errors = (e as { errors?: { text: string; location?: { file: string } | null }[] }).errors;
  if (errors?.length) {
    const first = errors[0]!;
    return `${errors.length} error(s), first: ${first.text}${first.location ? ` (${first.location.file})` : ''}`;
  }
  return String((e as Error).message ?? e)
    .split('\n')
    .slice(0, 2)
    .join(' ');
}

// Headless Chromium (Debian), pages built by esbuild, rolldown and vite, served from 127.0.0.1.
interface BrowserBuild {
  dir?: string;
  error?: string;
  undici?: string;
}
type Bundler = 'esbuild' | 'rolldown' | 'vite';
const browserBuilds = new Map<string, BrowserBuild>();
let staticUrl = '';
let browser: PlaywrightBrowser | undefined;
const chromiumMissing = 'missing' in tools.chromium ? tools.chromium.missing : undefined;

async function buildBrowser(bundler: Bundler, sdk: Sdk): Promise<BrowserBuild> {
  const out = join(work, 'www', `${bundler}-${sdk}`);
  const undiciOf = (ids: string[], sizes: number) =>
    ids.some((id) => /[/\\]node_modules[/\\]undici[/\\]/.test(id))
      ? `emits undici (${(sizes / 1024).toFixed(0)} kB of chunks holding it)`
      : undefined;
  try {
    if (bundler === 'esbuild') {
      const esbuild = await tool<EsbuildApi>('esbuild');
      const r = await esbuild.build({
        absWorkingDir: project,
        entryPoints: [`browser-${sdk}.ts`],
        outdir: out,
        bundle: true,
        format: 'esm',
        platform: 'browser',
        minify: true,
        metafile: true,
        logLevel: 'silent',
      });
      writeFileSync(join(out, 'index.html'), page(`browser-${sdk}.js`));
      const inputs = Object.keys(r.metafile.inputs);
      return { dir: out, undici: undiciOf(inputs, 0) };
    }
    if (bundler === 'rolldown') {
      const rolldown = await tool<RolldownApi>('rolldown');
      const r = await rolldown.build({
        cwd: project,
        input: join(project, `browser-${sdk}.ts`),
        platform: 'browser',
        logLevel: 'silent',
        output: { dir: out, format: 'esm', minify: true },
        write: true,
      });
      writeFileSync(join(out, 'index.html'), page(`browser-${sdk}.js`));
      let undiciBytes = 0;
      const ids: string[] = [];
      for (const o of r.output) {
        if (o.type !== 'chunk') continue;
        if (o.moduleIds.some((id) => /[/\\]node_modules[/\\]undici[/\\]/.test(id)))
          undiciBytes += o.code.length;
        ids.push(...o.moduleIds);
      }
      return { dir: out, undici: undiciOf(ids, undiciBytes) };
    }
    const vite = await tool<ViteApi>('vite');
    const r = (await vite.build({
      root: project,
      base: './',
      configFile: false,
      logLevel: 'silent',
      build: {
        outDir: out,
        emptyOutDir: true,
        rollupOptions: { input: join(project, `browser-${sdk}.html`) },
      },
    })) as ViteOutput | ViteOutput[];
    const outputs = (Array.isArray(r) ? r : [r]).flatMap((x) => x.output);
    let undiciBytes = 0;
    const ids: string[] = [];
    for (const o of outputs) {
      if (o.type !== 'chunk' || !o.moduleIds) continue;
      if (o.moduleIds.some((id) => /[/\\]node_modules[/\\]undici[/\\]/.test(id)))
        undiciBytes += o.code?.length ?? 0;
      ids.push(...o.moduleIds);
    }
    writeFileSync(join(out, 'index.html'), readFileSync(join(out, `browser-${sdk}.html`)));
    return { dir: out, undici: undiciOf(ids, undiciBytes) };
  } catch (e) {
    return { error: `${bundler}: ${bundleError(e)}` };
  }
}
type ViteOutput = { output: { type: string; moduleIds?: string[]; code?: string }[] };
function page(script: string) {
  return `<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="./${script}"></script></body></html>\n`;
}

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
};
async function startStatic(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path) || !statSync(path).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream' });
    res.end(readFileSync(path));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

let staticServer: { url: string; close(): Promise<void> } | undefined;
for (const bundler of ['esbuild', 'rolldown', 'vite'] as const) {
  const version = versions.tools[bundler];
  rows.push({
    name: `Chromium, ${bundler}`,
    how: `${bundler} ${version} bundle (browser platform) in a page from 127.0.0.1, headless Debian Chromium via playwright-core; red when the output holds undici`,
    skip: chromiumMissing,
    prepare: async () => {
      for (const sdk of sdks) browserBuilds.set(`${bundler}:${sdk}`, await buildBrowser(bundler, sdk));
      if (!staticServer) {
        mkdirSync(join(work, 'www'), { recursive: true });
        staticServer = await startStatic(join(work, 'www'));
        staticUrl = staticServer.url;
      }
      if (!browser) {
        const pw = await tool<{ chromium?: PlaywrightChromium; default?: { chromium: PlaywrightChromium } }>(
          'playwright-core',
        );
        browser = await (pw.chromium ?? pw.default!.chromium).launch({
          executablePath: (tools.chromium as { path: string }).path,
          headless: true,
          args: [...CHROMIUM_ARGS],
        });
      }
    },
    run: async (sdk, mock) => {
      const b = browserBuilds.get(`${bundler}:${sdk}`)!;
      if (b.error) return { ok: false, error: b.error };
      const p = await browser!.newPage();
      const errors: string[] = [];
      p.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(`console: ${m.text()}`);
      });
      try {
        await p.goto(`${staticUrl}/${bundler}-${sdk}/index.html?base=${encodeURIComponent(mock.url)}`);
        const handle = await p
          .waitForFunction(() => (globalThis as { __result?: unknown }).__result, undefined, {
            timeout: 20_000,
          })
          .catch(() => undefined);
        if (!handle)
          return { ok: false, error: `no result after 20 s; ${errors.join(' | ') || 'no page error'}` };
        const r = (await handle.jsonValue()) as { ok: boolean; lines?: string[]; error?: string };
        if (!r.ok) return { ok: false, error: r.error ?? 'failed' };
        if (b.undici) return { ok: false, error: `ran, but the build ${b.undici}`, lines: r.lines ?? [] };
        return { ok: true, lines: r.lines ?? [] };
      } finally {
        await p.close();
      }
    },
  });
}

// ───────────────────────────── run ─────────────────────────────

const selected = rows.filter(
  (r) => !args.only || args.only.split(',').some((o) => r.name.toLowerCase().includes(o.toLowerCase())),
);
const results = new Map<string, Outcome>();

async function runRow(row: Row) {
  if (row.skip) {
    for (const sdk of sdks) results.set(`${row.name}|${sdk}`, { ok: false, error: row.skip });
    return;
  }
  try {
    await row.prepare?.();
  } catch (e) {
    for (const sdk of sdks)
      results.set(`${row.name}|${sdk}`, { ok: false, error: `set-up: ${(e as Error).message}` });
    return;
  }
  for (const sdk of sdks) {
    const mock = await startMock(sdk);
    const started = Date.now();
    let outcome: Outcome;
    try {
      outcome = await row.run(sdk, mock);
    } catch (e) {
      outcome = { ok: false, error: `harness: ${(e as Error).message}` };
    } finally {
      await mock.close();
    }
    if (outcome.ok) {
      const unmatched = mock.requests.filter((r) => r.status === 501);
      if (unmatched.length) {
        outcome = {
          ok: false,
          error: `called ${unmatched[0]!.method} ${unmatched[0]!.path}, not in the spec`,
        };
      } else if (row.userAgent && mock.requests.length) {
        const ua = String(mock.requests[0]!.headers['user-agent'] ?? '(none)');
        if (!row.userAgent.must.test(ua) || row.userAgent.mustNot?.test(ua))
          outcome = { ok: false, error: `User-Agent "${ua}" does not name ${row.userAgent.says}` };
      }
    }
    outcome.note = `${((Date.now() - started) / 1000).toFixed(1)} s`;
    results.set(`${row.name}|${sdk}`, outcome);
    log(
      `${outcome.ok ? '\x1b[32m✓' : '\x1b[31m✗'}\x1b[0m ${row.name} × ${sdk}${outcome.ok ? '' : `: ${outcome.error}`}`,
    );
  }
}

let sizeFailed = false;
if (!args['no-matrix']) {
  // Rows in parallel (each cell is one process or one page); the browser rows share one Chromium, so they
  // run one after another in one lane.
  const limit = Number(args.concurrency ?? 3);
  const lanes: Row[][] = [];
  const browserLane = selected.filter((r) => r.name.startsWith('Chromium'));
  const others = selected.filter((r) => !r.name.startsWith('Chromium'));
  if (browserLane.length) lanes.push(browserLane);
  const queue = [...others];
  const workers = Array.from({ length: Math.max(1, limit - lanes.length) }, async () => {
    for (let row = queue.shift(); row; row = queue.shift()) await runRow(row);
  });
  await Promise.all([
    ...lanes.map(async (lane) => {
      for (const r of lane) await runRow(r);
    }),
    ...workers,
  ]);
  await browser?.close();
  await staticServer?.close();
}

// ───────────────────────────── browser budget ─────────────────────────────

interface Size {
  bundler: string;
  /** What the browser loads for the call: the entry chunk, the chunk of the group it calls, what they import. */
  gzip?: number;
  raw?: number;
  files?: number;
  /** Every chunk of the build, loaded or not (the other groups' plans, the operation table). */
  allGzip?: number;
  allFiles?: number;
  undici?: boolean;
  error?: string;
  top?: string;
}
const sizes: Size[] = [];
if (!args['no-size'] && sdks.includes('valentina')) {
  const out = join(work, 'size');
  /**
   * The generated services load a group's plans (descriptors, validators) at its first call, in a chunk of
   * their own: the call of size-entry.ts loads the entry chunk, the companies group's chunk and the chunks
   * those two import statically. Every other chunk is only counted in the "all chunks" total.
   */
  const CALLED_GROUP = /[/\\]generated[/\\]plans\.companies\.gen\.js$/;
  interface Chunk {
    name: string;
    code: string;
    entry: boolean;
    imports: string[];
    modules: string[];
  }
  const measure = (bundler: string, chunks: Chunk[], undici: boolean, top: string): Size => {
    const js = chunks.filter((c) => c.name.endsWith('.js'));
    const byName = new Map(js.map((c) => [c.name, c]));
    const loaded = new Set<Chunk>();
    const load = (c: Chunk | undefined) => {
      if (!c || loaded.has(c)) return;
      loaded.add(c);
      for (const i of c.imports) load(byName.get(i));
    };
    for (const c of js) if (c.entry || c.modules.some((m) => CALLED_GROUP.test(m))) load(c);
    const gzip = (list: Iterable<Chunk>) =>
      [...list].reduce((n, c) => n + gzipSync(c.code, { level: 9 }).length, 0);
    return {
      bundler,
      raw: [...loaded].reduce((n, c) => n + Buffer.byteLength(c.code), 0),
      gzip: gzip(loaded),
      files: loaded.size,
      allGzip: gzip(js),
      allFiles: js.length,
      undici,
      top,
    };
  };
  try {
    const esbuild = await tool<EsbuildApi>('esbuild');
    const r = await esbuild.build({
      absWorkingDir: project,
      entryPoints: ['size-entry.ts'],
      outdir: join(out, 'esbuild'),
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      minify: true,
      metafile: true,
      write: true,
      logLevel: 'silent',
    });
    const files: Chunk[] = Object.entries(r.metafile.outputs).map(([path, o]) => ({
      name: basename(path),
      code: readFileSync(join(project, path), 'utf8'),
      entry: o.entryPoint === 'size-entry.ts',
      imports: o.imports.filter((i) => i.kind === 'import-statement').map((i) => basename(i.path)),
      modules: Object.keys(o.inputs),
    }));
    const byPackage = new Map<string, number>();
    for (const o of Object.values(r.metafile.outputs))
      for (const [input, { bytesInOutput }] of Object.entries(o.inputs)) {
        const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(input);
        const key = m ? (m[1]!.startsWith('@sdkforge/') ? `${m[1]}/${m[2]}` : m[1]!) : input;
        byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
      }
    const top = [...byPackage]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k} ${(v / 1024).toFixed(1)}k`)
      .join(', ');
    sizes.push(
      measure(
        'esbuild',
        files,
        Object.keys(r.metafile.inputs).some((i) => /node_modules\/undici\//.test(i)),
        top,
      ),
    );
  } catch (e) {
    sizes.push({ bundler: 'esbuild', error: bundleError(e) });
  }
  try {
    const rolldown = await tool<RolldownApi>('rolldown');
    const r = await rolldown.build({
      cwd: project,
      input: join(project, 'size-entry.ts'),
      platform: 'browser',
      logLevel: 'silent',
      output: { dir: join(out, 'rolldown'), format: 'esm', minify: true },
      write: true,
    });
    const chunks = r.output.filter((o) => o.type === 'chunk');
    sizes.push(
      measure(
        'rolldown',
        chunks.map((c) => ({
          name: c.fileName,
          code: c.code,
          entry: c.isEntry,
          imports: c.imports,
          modules: c.moduleIds,
        })),
        chunks.some((c) => c.moduleIds.some((id) => /node_modules[/\\]undici[/\\]/.test(id))),
        '',
      ),
    );
  } catch (e) {
    sizes.push({ bundler: 'rolldown', error: bundleError(e) });
  }
  sizeFailed = sizes.some((s) => s.error || s.undici || (s.gzip ?? 0) > BUDGET_BYTES);
}

// ───────────────────────────── report ─────────────────────────────

const green = (s: string) => `\x1b[32m${s}\x1b[0m`;
const red = (s: string) => `\x1b[31m${s}\x1b[0m`;
const footnotes: string[] = [];
let redCells = 0;
if (!args['no-matrix']) {
  const w0 = Math.max(...selected.map((r) => r.name.length), 7);
  console.log(`\n\x1b[1mRuntime matrix\x1b[0m (issue 13): each SDK's user program against a loopback mock`);
  console.log(`| ${'runtime'.padEnd(w0)} | ${sdks.map((s) => s.padEnd(12)).join(' | ')} |`);
  console.log(`|${'-'.repeat(w0 + 2)}|${sdks.map(() => '-'.repeat(14)).join('|')}|`);
  for (const row of selected) {
    const cells = sdks.map((sdk) => {
      const o = results.get(`${row.name}|${sdk}`);
      if (!o) return red('✗ not run'.padEnd(12));
      if (o.ok) return green(`✓ ${o.note ?? ''}`.padEnd(12));
      redCells++;
      footnotes.push(`[${footnotes.length + 1}] ${row.name} × ${sdk}: ${o.error}`);
      return red(`✗ [${footnotes.length}]`.padEnd(12));
    });
    console.log(`| ${row.name.padEnd(w0)} | ${cells.join(' | ')} |`);
  }
  if (footnotes.length) console.log(`\n${footnotes.join('\n')}`);
  console.log('\nHow each row runs:');
  for (const row of selected) console.log(`  ${row.name}: ${row.how}`);
}
if (sizes.length) {
  console.log(
    `\n\x1b[1mBrowser budget\x1b[0m: one Valentina call (new ValentinaClient(…).companies.get(id)), min+gzip ≤ ${BUDGET_BYTES / 1000} kB, no undici`,
  );
  for (const s of sizes) {
    if (s.error) {
      console.log(`  ${red('✗')} ${s.bundler.padEnd(9)} build failed: ${s.error}`);
      continue;
    }
    const ok = !s.undici && s.gzip! <= BUDGET_BYTES;
    console.log(
      `  ${ok ? green('✓') : red('✗')} ${s.bundler.padEnd(9)} ${(s.gzip! / 1000).toFixed(1)} kB gzip loaded by the call (${(s.raw! / 1000).toFixed(1)} kB min, ${s.files} file${s.files === 1 ? '' : 's'}; all ${s.allFiles} chunks: ${(s.allGzip! / 1000).toFixed(1)} kB gzip)${s.undici ? red(' — holds undici') : ''}${s.top ? `\n              largest inputs (all chunks): ${s.top}` : ''}`,
    );
  }
}
const failed = redCells > 0 || sizeFailed;
const failsStep = (redCells > 0 && !matrixAdvisory) || (sizeFailed && !budgetAdvisory);
const mode = advisory
  ? ' (advisory: not failing the step)'
  : budgetAdvisory && sizeFailed
    ? ' (budget advisory: the budget does not fail the step)'
    : matrixAdvisory && redCells > 0
      ? ' (matrix advisory: red cells do not fail the step)'
      : '';
console.log(
  `\n${failed ? red(`${redCells} red cell(s)${sizeFailed ? ', browser budget not met' : ''}`) : green('all cells green, budget met')} — ${((Date.now() - t0) / 1000).toFixed(0)} s${failed ? mode : ''}`,
);
if (args.keep) console.log(`work folder kept: ${work}`);
else rmSync(work, { recursive: true, force: true });
process.exit(failsStep ? 1 : 0);
