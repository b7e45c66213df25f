import { describe, expect, it } from 'vitest';
import { runtimeProduct, userAgent } from '../src/user-agent.js';

describe('userAgent', () => {
  it('names the SDK, its version and the Node runtime it runs on', () => {
    expect(userAgent('sdkforge-test', '1.2.3')).toBe(
      `sdkforge-test/1.2.3 node/${process.versions.node} (${process.platform}; ${process.arch})`,
    );
  });

  it('names Bun and Deno, and leaves the runtime out where there is none to name', () => {
    expect(runtimeProduct({ Bun: { version: '1.3.0' }, process: { versions: { node: '24.3.0' } } })).toBe(
      'bun/1.3.0',
    );
    expect(runtimeProduct({ Deno: { version: { deno: '2.5.1' } } })).toBe('deno/2.5.1');
    expect(userAgent('sdkforge-test', '1.2.3', {})).toBe('sdkforge-test/1.2.3');
  });
});
