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
import type { components } from '../generated/schema.gen.js';

export const LOCAL_MANIFEST = 'manifest.json';
export const LOCAL_MANIFEST_FORMAT = 'sdkforge/tiktrue-model@1';

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

type DownloadManifest = components['schemas']['DownloadManifest'];

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** A file name that cannot leave the model directory (the names come from the server). */
export function safeFileName(name: string, fallback: string): string {
  return SAFE_NAME.test(name) && !name.includes('..') ? name : fallback;
}

/** The files a server manifest describes, in download order: blocks, tokenizer, metadata. */
export function filesOf(manifest: DownloadManifest): Omit<LocalFile, 'size' | 'sha256'>[] {
  const slug = safeFileName(manifest.model_name, 'model');
  const files: Omit<LocalFile, 'size' | 'sha256'>[] = manifest.blocks.map((block) => ({
    name: safeFileName(block.filename, `block_${block.block_id}.onnx`),
    kind: 'block' as const,
    blockId: block.block_id,
  }));
  files.push({ name: `${slug}_tokenizer.zip`, kind: 'tokenizer' });
  files.push({ name: `${slug}_metadata.json`, kind: 'metadata' });
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.name)) throw new SdkError(`download manifest names two files "${f.name}"`);
    seen.add(f.name);
  }
  return files;
}

/** Reads `manifest.json` from `dir`; undefined when there is none or it is not ours. */
export async function readLocalManifest(dir: string): Promise<LocalManifest | undefined> {
  let text: string;
  try {
    text = await readFile(join(dir, LOCAL_MANIFEST), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as LocalManifest;
    return parsed?.format === LOCAL_MANIFEST_FORMAT && Array.isArray(parsed.files) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `manifest.json` atomically (temporary file, then rename). */
export async function writeLocalManifest(dir: string, manifest: LocalManifest): Promise<void> {
  const path = join(dir, LOCAL_MANIFEST);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path);
}

/** SHA-256 (hex) and size of a file on disk, or undefined when it does not exist. */
export async function hashFile(path: string): Promise<{ size: number; sha256: string } | undefined> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
  } catch {
    return undefined;
  }
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { size, sha256: hash.digest('hex') };
}

/** True when the recorded file is on disk with the recorded size and SHA-256. */
export async function isIntact(dir: string, file: LocalFile): Promise<boolean> {
  if (file.size === null || file.sha256 === null) return false;
  try {
    const info = await stat(join(dir, file.name));
    if (!info.isFile() || info.size !== file.size) return false;
  } catch {
    return false;
  }
  const actual = await hashFile(join(dir, file.name));
  return actual?.sha256 === file.sha256;
}
