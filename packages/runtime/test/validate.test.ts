import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../src/errors.js';
import { validateInput } from '../src/validate.js';

const schemas = {
  path: v.object({ download_token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{32,}$/)) }),
  body: v.strictObject({
    email: v.pipe(v.string(), v.email()),
    password: v.pipe(v.string(), v.minLength(12)),
  }),
};

function issuesOf(fn: () => void) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return error as RequestValidationError;
  }
  throw new Error('expected a RequestValidationError');
}

describe('validateInput', () => {
  it('lists every issue of every part with its path', () => {
    const error = issuesOf(() =>
      validateInput('login', schemas, {
        path: { download_token: 'x' },
        body: { email: 'nope', password: 'short' },
      }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['path.download_token', 'body.email', 'body.password']);
  });

  it('repeats the received value for ordinary fields, never for credentials', () => {
    const error = issuesOf(() =>
      validateInput('login', schemas, {
        path: { download_token: 'tok.leaked-value' },
        body: { email: 'not-an-email', password: 'hunter2-pw' },
      }),
    );
    expect(error.issues.find((i) => i.path === 'body.email')!.message).toContain('"not-an-email"');
    expect(error.message).not.toContain('hunter2-pw');
    expect(error.message).not.toContain('tok.leaked-value');
    expect(error.issues.find((i) => i.path === 'body.password')!.message).toContain('[REDACTED]');
  });

  it('passes valid input and skips an absent body', () => {
    expect(() =>
      validateInput('login', schemas, { path: { download_token: 'a'.repeat(40) }, body: undefined }),
    ).not.toThrow();
  });

  it('matches header names without regard to case', () => {
    const headers = {
      headers: v.object({
        'On-Behalf-Of': v.pipe(v.string(), v.uuid()),
        'Idempotency-Key': v.optional(v.string()),
      }),
    };
    const id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    // Before the fix the lower-case spelling was a missing required header.
    for (const name of ['on-behalf-of', 'ON-BEHALF-OF', 'On-Behalf-Of']) {
      expect(() => validateInput('listUsers', headers, { headers: { [name]: id } })).not.toThrow();
    }
    const error = issuesOf(() =>
      validateInput('listUsers', headers, { headers: { 'on-behalf-of': 'nope' } }),
    );
    expect(error.issues.map((i) => i.path)).toEqual(['headers.On-Behalf-Of']);
    expect(issuesOf(() => validateInput('listUsers', headers, { headers: {} })).issues[0]?.path).toBe(
      'headers.On-Behalf-Of',
    );
  });
});
