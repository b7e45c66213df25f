/**
 * scripts/run docs:browser — opens the built API reference (docs/api/<pkg>/) in headless Chromium
 * (Debian's, via scripts/install-chromium.sh; CHROMIUM_PATH overrides) and checks, per package:
 *   - the index page renders: the package's title, the README, and the navigation (built by TypeDoc's
 *     script in the browser) listing the exported members, the client class among them;
 *   - one client class page renders: its heading, a member index, and every member it lists rendered
 *     on the page with its anchor;
 *   - no page throws a script error.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../chromium-args.ts';

const root = join(import.meta.dirname, '..', '..', '..', '..');
const docsDir = join(root, 'docs', 'api');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(executablePath)) {
  const script = join(root, 'scripts', 'install-chromium.sh');
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(executablePath)) {
    console.error(`✗ no Chromium at ${executablePath} (scripts/install-chromium.sh failed)`);
    process.exit(1);
  }
}
if (!existsSync(docsDir)) {
  console.error('✗ docs/api does not exist: run `scripts/run docs` first');
  process.exit(1);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
    /^(\.\.[/\\])+/,
    '',
  );
  const file = join(docsDir, path);
  if (!file.startsWith(docsDir) || !existsSync(file)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  res.end(readFileSync(file));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath,
  args: [...CHROMIUM_ARGS],
});
const failures: string[] = [];
try {
  for (const dir of readdirSync(docsDir).sort()) {
    const pkgJson = join(root, 'packages', dir, 'package.json');
    if (!existsSync(join(docsDir, dir, 'index.html')) || !existsSync(pkgJson)) continue;
    const name = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { name: string }).name;
    const fail = (m: string) => failures.push(`${name}: ${m}`);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // the index page
    await page.goto(`${base}/${dir}/index.html`, { waitUntil: 'load' });
    const title = await page.title();
    if (!title.startsWith(name)) fail(`index title is "${title}"`);
    const readmeHeadings = await page
      .locator('.tsd-panel.tsd-typography h1, .tsd-panel.tsd-typography h2')
      .count();
    if (readmeHeadings === 0) fail('index: the README is not rendered');
    await page.waitForFunction(() => document.querySelectorAll('.tsd-navigation a').length > 0, null, {
      timeout: 15_000,
    });
    const navLinks = await page
      .locator('.tsd-navigation a')
      .evaluateAll((as) =>
        as.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
      );
    const classLinks = navLinks.filter((l) => l.href.includes('classes/'));
    const client =
      classLinks.find((l) => new RegExp(`^${dir}\\w*Client$`, 'i').test(l.text)) ??
      classLinks.find((l) => l.text === 'ClientCore') ??
      classLinks.find((l) => /Client$/.test(l.text));
    if (navLinks.length < 5) fail(`index: the navigation lists ${navLinks.length} entries`);
    if (!client) {
      fail(`index: no client class in the navigation (${classLinks.map((l) => l.text).join(', ')})`);
      continue;
    }

    // one client class page
    await page.goto(new URL(client.href, `${base}/${dir}/index.html`).href, { waitUntil: 'load' });
    const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
    if (!h1.startsWith(`Class ${client.text}`)) fail(`${client.text}: heading is "${h1}"`);
    const members = await page
      .locator('.tsd-index-section .tsd-index-link')
      .evaluateAll((as) => as.map((a) => (a.getAttribute('href') ?? '').split('#')[1] ?? ''));
    if (members.length === 0) fail(`${client.text}: no members listed`);
    const missing = await page.evaluate(
      (anchors) => anchors.filter((id) => !document.getElementById(id)?.closest('.tsd-member')),
      members,
    );
    if (missing.length) fail(`${client.text}: members listed but not rendered: ${missing.join(', ')}`);
    if (errors.length) fail(`script errors: ${errors.join('; ')}`);
    console.log(
      `✓ ${name}: index (${navLinks.length} navigation entries) and ${client.text} (${members.length} members) render`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  for (const f of failures) console.error(`✗ ${f}`);
  process.exit(1);
}
