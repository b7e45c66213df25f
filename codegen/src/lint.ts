import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Lints a spec with Redocly CLI (specs/redocly.yaml). Returns its report; `ok` is false on any error. */
export function lintSpec(spec: string, config: string): { ok: boolean; report: string } {
  const cli = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
  const run = spawnSync(process.execPath, [cli, 'lint', spec, '--config', config, '--format', 'stylish'], {
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
  });
  return { ok: run.status === 0, report: `${run.stdout}${run.stderr}`.trim() };
}
