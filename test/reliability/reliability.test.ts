import { afterAll, describe, expect } from 'vitest';
import { totals } from './harness.ts';
import { authScenarios } from './scenarios/auth.ts';
import { downloadScenarios } from './scenarios/downloads.ts';
import { secretScenarios } from './scenarios/secrets.ts';
import { transportScenarios } from './scenarios/transport.ts';

describe('reliability under injected faults', () => {
  transportScenarios();
  authScenarios();
  downloadScenarios();
  secretScenarios();

  afterAll(() => {
    const line =
      `reliability totals: scenarios=${totals.scenarios} requests sent=${totals.requests} ` +
      `faults injected=${totals.faults} lost=${totals.lost} duplicated=${totals.duplicated}`;
    process.stdout.write(`\n${line}\n`);
    expect(totals.lost).toBe(0);
    expect(totals.duplicated).toBe(0);
  });
});
