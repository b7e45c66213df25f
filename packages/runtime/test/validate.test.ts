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
});
