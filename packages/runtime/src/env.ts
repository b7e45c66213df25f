/**
 * Environment variables, read so that a read can never fail: Deno without `--allow-env` throws on
 * `process.env` and `Deno.env` access, a browser has neither, and a bundler's `process` shim may have no `env`.
 */

interface EnvGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/**
 * The value of environment variable `name`, or `undefined` when it is unset, empty, or cannot be read on
 * this runtime (no permission, no environment). Never throws.
 */
export function readEnv(name: string, globals: EnvGlobals = globalThis as EnvGlobals): string | undefined {
  let value: string | undefined;
  try {
    value = globals.process?.env?.[name];
  } catch {
    value = undefined;
  }
  if (value === undefined) {
    try {
      value = globals.Deno?.env?.get(name);
    } catch {
      value = undefined;
    }
  }
  return typeof value === 'string' && value !== '' ? value : undefined;
}
