/**
 * The local `manifest.json` that `models.download()` keeps in the model directory: which files make up
 * the model, and for each finished file its size and SHA-256. It is how a second run knows what it can
 * skip (the server exposes no checksum, so the hashes are the ones computed while downloading).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SdkError } from '@sdkforge/runtime';
import type { DownloadManifest } from '../generated/models.gen.js';

/** The `format` written in a model directory's `manifest.json`; a manifest with another format is ignored. */
export const LOCAL_MANIFEST_FORMAT = 'sdkforge/tiktrue-model@1';

/** The kinds of file a model is made of. */
export type FileKind = 'block' | 'tokenizer' | 'metadata';

/** One file of a downloaded model, as recorded in `manifest.json`. */
export interface LocalFile {
  /** File name inside the model directory, e.g. `block_7.onnx`. */
  name: string;
  kind: FileKind;
  /** The server's 1-based block number (blocks only). */
  blockId?: number | undefined;
  /** Bytes on disk once finished; `null` while not downloaded. */
  size: number | null;
  /** SHA-256 (hex) of the finished file, computed while it streamed; `null` while not downloaded. */
  sha256: string | null;
}

/** The content of `manifest.json`. */
export interface LocalManifest {
  format: typeof LOCAL_MANIFEST_FORMAT;
  model: { id: string; name: string; displayName: string; version: string };
  /** True once every file is on disk and the server was told (`completeDownload`). */
  complete: boolean;
  completedAt: string | null;
  files: LocalFile[];
}

/** A file name that cannot leave the model directory (the names come from the server). */
const safe = (name: string, fallback: string) =>
  /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(name) && !name.includes('..') ? name : fallback;

/** The files a server manifest describes, in download order: blocks, tokenizer, metadata. */
export function filesOf(manifest: DownloadManifest): Omit<LocalFile, 'size' | 'sha256'>[] {
  const slug = safe(manifest.model_name, 'model');
  const files: Omit<LocalFile, 'size' | 'sha256'>[] = manifest.blocks.map((block) => ({
    name: safe(block.filename, `block_${block.block_id}.onnx`),
    kind: 'block' as const,
    blockId: block.block_id,
  }));
  files.push(
    { name: `${slug}_tokenizer.zip`, kind: 'tokenizer' },
    { name: `${slug}_metadata.json`, kind: 'metadata' },
  );
  const names = new Set(files.map((f) => f.name));
  if (names.size < files.length) throw new SdkError('download manifest names two files alike');
  return files;
}

/** Reads `manifest.json` from `dir`; undefined when there is none or it is not ours. */
export async function readLocalManifest(dir: string): Promise<LocalManifest | undefined> {
  const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  try {
    const parsed = text === undefined ? undefined : (JSON.parse(text) as LocalManifest);
    return parsed?.format === LOCAL_MANIFEST_FORMAT && Array.isArray(parsed.files) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `manifest.json` atomically (temporary file, then rename). */
export async function writeLocalManifest(dir: string, manifest: LocalManifest): Promise<void> {
  const path = join(dir, 'manifest.json');
  await writeFile(`${path}.${process.pid}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${path}.${process.pid}.tmp`, path);
}

/** True when the recorded file is on disk with the recorded size and SHA-256. */
export async function isIntact(dir: string, file: LocalFile): Promise<boolean> {
  const path = join(dir, file.name);
  const info = await stat(path).catch(() => undefined);
  if (file.sha256 === null || !info?.isFile() || info.size !== file.size) return false;
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex') === file.sha256;
}
