/**
 * Installs what the runtime matrix runs on, at the versions pinned in versions.json, into a cache
 * directory kept between runs (`SDKFORGE_RUNTIMES_CACHE`, default `~/.cache/sdkforge-runtimes`):
 * Node builds (npm `node-<os>-<arch>`), Bun, Deno, miniflare (workerd), playwright-core, esbuild,
 * rolldown and vite, all from the npm registry in one `npm install`; Chromium from Debian through
 * scripts/install-chromium.sh. A second run with the same pins installs nothing.
 *
 *   node test/runtimes/install.ts          install (or reuse) and print where everything is
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const here = import.meta.dirname;
const root = join(here, '..', '..');

export interface Versions {
  node: string[];
  tools: Record<string, string>;
  workerdCompatibilityDate: string;
}
export const versions: Versions = JSON.parse(readFileSync(join(here, 'versions.json'), 'utf8'));

export interface Toolchain {
  dir: string;
  /** Node version → path of its `node` binary. */
  node: Record<string, string>;
  bun: string;
  deno: string;
  /** node_modules of the tools project (miniflare, playwright-core, esbuild, rolldown, vite). */
  modules: string;
  /** `/usr/bin/chromium`, or why it is missing. */
  chromium: { path: string } | { missing: string };
}

export const cacheDir = process.env.SDKFORGE_RUNTIMES_CACHE ?? join(homedir(), '.cache', 'sdkforge-runtimes');

const nodePkg = `node-${process.platform}-${process.arch}`;
const denoPkg = `@deno/${process.platform}-${process.arch === 'x64' ? 'x64' : 'arm64'}-glibc`;

function log(msg: string) {
  process.stderr.write(`\x1b[2m[runtimes]\x1b[0m ${msg}\n`);
}

function manifest() {
  const dependencies: Record<string, string> = {};
  for (const v of versions.node) dependencies[`node-${v}`] = `npm:${nodePkg}@${v}`;
  Object.assign(dependencies, versions.tools);
  return { name: 'sdkforge-runtime-tools', private: true, dependencies };
}

export function installTools(): Toolchain {
  const pkg = manifest();
  const hash = createHash('sha256').update(JSON.stringify(pkg)).digest('hex').slice(0, 12);
  const dir = join(cacheDir, `tools-${hash}`);
  const stamp = join(dir, '.installed');
  if (!existsSync(stamp)) {
    log(`installing ${Object.keys(pkg.dependencies).join(', ')} into ${dir}`);
    const tmp = `${dir}.tmp-${process.pid}`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    writeFileSync(join(tmp, 'package.json'), JSON.stringify(pkg, null, 2));
    const r = spawnSync(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--no-package-lock'],
      { cwd: tmp, stdio: ['ignore', 'inherit', 'inherit'], env: npmEnv() },
    );
    if (r.status !== 0) throw new Error(`npm install of the runtime tools failed (exit ${r.status})`);
    writeFileSync(join(tmp, '.installed'), new Date().toISOString());
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
    // Tools installed for earlier pins are not used any more.
    for (const old of readdirSync(cacheDir))
      if (/^tools-[0-9a-f]{12}$/.test(old) && join(cacheDir, old) !== dir)
        rmSync(join(cacheDir, old), { recursive: true, force: true });
  }
  const modules = join(dir, 'node_modules');
  const node: Record<string, string> = {};
  for (const v of versions.node) node[v] = join(modules, `node-${v}`, 'bin', 'node');
  return {
    dir,
    node,
    bun: join(modules, 'bun', 'bin', 'bun.exe'), // linked from the platform package by bun's postinstall
    deno: join(modules, denoPkg, 'deno'),
    modules,
    chromium: installChromium(),
  };
}

/** npm with the toolchain's environment (registry CA etc. as given), no update notices. */
export function npmEnv(): NodeJS.ProcessEnv {
  return { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };
}

function installChromium(): Toolchain['chromium'] {
  const path = '/usr/bin/chromium';
  if (existsSync(path)) return { path };
  if (process.env.SDKFORGE_RUNTIMES_NO_APT === '1') return { missing: 'SDKFORGE_RUNTIMES_NO_APT=1' };
  log('installing Debian chromium (scripts/install-chromium.sh)');
  const r = spawnSync('bash', [join(root, 'scripts', 'install-chromium.sh')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status === 0 && existsSync(path)) return { path };
  const why = `${r.stderr ?? ''}${r.stdout ?? ''}`.trim().split('\n').slice(-1)[0] ?? '';
  return { missing: `chromium not installed: ${why || `install-chromium.sh exit ${r.status}`}` };
}

if (import.meta.main) {
  const t = installTools();
  console.log(JSON.stringify(t, null, 2));
}
