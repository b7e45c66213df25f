import type { TestProject } from 'vitest/node';
import { type RunningMock, startPrefixProxy, startPrism } from './prism.ts';
import { apiNames, mockUrlVariable, serverBasePath, specPath } from './specs.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrls: Record<string, string>;
  }
}

/**
 * Starts one Prism mock per spec (in parallel) unless SDKFORGE_MOCK_<API>_URL already points at one,
 * and hands the URLs to the tests through `inject('mockUrls')`.
 */
export default async function setup(project: TestProject) {
  const running: RunningMock[] = [];
  const urls: Record<string, string> = {};
  await Promise.all(
    apiNames().map(async (api) => {
      const given = process.env[mockUrlVariable(api)];
      if (given) {
        // A mock already running: fronted by the recording proxy (no prefix to strip), so binary
        // operations can still compare what they received with what the mock served.
        const proxy = await startPrefixProxy(given, '');
        running.push({ url: proxy.url, stop: proxy.close });
        urls[api] = proxy.url;
        return;
      }
      const mock = await startPrism(specPath(api), { basePath: serverBasePath(api) });
      running.push(mock);
      urls[api] = mock.url;
    }),
  );
  project.provide('mockUrls', urls);
  return async () => {
    await Promise.all(running.map((m) => m.stop()));
  };
}
