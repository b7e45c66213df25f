/**
 * The few parts of the tools' APIs the matrix uses. The tools are installed outside the workspace
 * (install.ts) and loaded at run time, so their own type packages are not available to `tsc` here.
 */
import type { Readable } from 'node:stream';

export interface EsbuildMessage {
  text: string;
  location?: { file: string } | null;
}
export interface EsbuildMetafile {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    {
      inputs: Record<string, { bytesInOutput: number }>;
      imports: { path: string; kind: string }[];
      entryPoint?: string;
    }
  >;
}
export interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ metafile: EsbuildMetafile }>;
}

export interface RolldownChunk {
  type: 'chunk';
  fileName: string;
  code: string;
  moduleIds: string[];
  isEntry: boolean;
  /** File names of the chunks this one imports statically. */
  imports: string[];
}
export interface RolldownApi {
  build(options: Record<string, unknown>): Promise<{ output: (RolldownChunk | { type: 'asset' })[] }>;
}

export interface ViteApi {
  build(config: Record<string, unknown>): Promise<unknown>;
}

export interface MiniflareInstance {
  ready: Promise<URL>;
  dispatchFetch(url: string): Promise<{ status: number; text(): Promise<string> }>;
  dispose(): Promise<void>;
}
export interface MiniflareApi {
  Miniflare: new (options: {
    modules: boolean;
    modulesRoot: string;
    scriptPath: string;
    compatibilityDate: string;
    compatibilityFlags: string[];
    cf: boolean;
    handleRuntimeStdio(stdout: Readable, stderr: Readable): void;
  }) => MiniflareInstance;
}

export interface PlaywrightPage {
  on(event: 'pageerror', cb: (e: Error) => void): void;
  on(event: 'console', cb: (m: { type(): string; text(): string }) => void): void;
  goto(url: string): Promise<unknown>;
  waitForFunction(
    fn: () => unknown,
    arg: undefined,
    options: { timeout: number },
  ): Promise<{ jsonValue(): Promise<unknown> }>;
  close(): Promise<void>;
}
export interface PlaywrightBrowser {
  newPage(): Promise<PlaywrightPage>;
  close(): Promise<void>;
}
export interface PlaywrightChromium {
  launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<PlaywrightBrowser>;
}
