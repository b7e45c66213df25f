import { afterAll, describe, expect } from 'vitest';
import { report } from '../helpers/report.ts';
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
      `faults injected=${totals.faults}\n` +
      `ledger (hand-picked scenarios): calls=${totals.calls} executed by the server=${totals.executed} ` +
      `lost=${totals.lost} (ok but never executed/served: ${totals.ghost}; writes executed behind an ` +
      `error that hides them: ${totals.hidden}) disclosed=${totals.disclosed} (keyless writes executed ` +
      `behind an error that says they may have happened; declared by the scenarios: ${totals.expectedDisclosed}) ` +
      `duplicated=${totals.duplicated}`;
    report('ledger', line);
    expect(totals.lost).toBe(0);
    expect(totals.disclosed).toBe(totals.expectedDisclosed);
    expect(totals.duplicated).toBe(0);
  });
});
