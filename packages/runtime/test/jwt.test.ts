import { describe, expect, it } from 'vitest';
import { jwtExpiresAt, tokenFreshness } from '../src/policies/jwt.js';
import { jwt } from './helpers.js';

describe('jwtExpiresAt', () => {
  it('reads exp (seconds) as epoch milliseconds', () => {
    expect(jwtExpiresAt(jwt({ exp: 1_767_225_600, user_id: 'ü-ñ' }))).toBe(1_767_225_600_000);
  });

  it('returns undefined for opaque tokens, missing exp and bad payloads', () => {
    expect(jwtExpiresAt('opaque-token')).toBeUndefined();
    expect(jwtExpiresAt(jwt({ sub: 'x' }))).toBeUndefined();
    expect(jwtExpiresAt('a.!!!.c')).toBeUndefined();
    expect(jwtExpiresAt(undefined)).toBeUndefined();
  });
});

describe('tokenFreshness', () => {
  it('is expired, soon or fresh relative to the window', () => {
    expect(tokenFreshness(1000, 1000, 100)).toBe('expired');
    expect(tokenFreshness(1050, 1000, 100)).toBe('soon');
    expect(tokenFreshness(1200, 1000, 100)).toBe('fresh');
    expect(tokenFreshness(undefined, 1000, 100)).toBe('fresh');
  });
});
