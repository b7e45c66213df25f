import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = resolve(import.meta.dirname, '../..');

/** APIs that have both a spec and a package. */
export function apiNames(): string[] {
  return readdirSync(join(repoRoot, 'specs'))
    .filter((name) => existsSync(join(repoRoot, 'specs', name, 'openapi.yaml')))
    .filter((name) => existsSync(join(repoRoot, 'packages', name, 'package.json')))
    .sort();
}

export function specPath(api: string): string {
  return join(repoRoot, 'specs', api, 'openapi.yaml');
}

// biome-ignore lint/suspicious/noExplicitAny: a parsed OpenAPI document is walked dynamically.
export type Json = any;

export function loadSpecDocument(api: string): Json {
  return parse(readFileSync(specPath(api), 'utf8'));
}

/** Environment variable that points the tests of one API at an already-running mock. */
export function mockUrlVariable(api: string): string {
  return `SDKFORGE_MOCK_${api.toUpperCase()}_URL`;
}

/** Path of the spec's first server URL (`/api/v1`), without a trailing slash. */
export function serverBasePath(api: string): string {
  const url = loadSpecDocument(api).servers?.[0]?.url ?? '';
  try {
    return new URL(url).pathname.replace(/\/+$/, '');
  } catch {
    return '';
  }
}
