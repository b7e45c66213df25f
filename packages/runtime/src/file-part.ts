/** Files in and out of generated methods: multipart file parts and `x-sdk-result: file` downloads. */

/** A part of a multipart upload: a File as given, or the content wrapped in a File named `filename`. */
export function filePart(filename: string, content: BlobPart, contentType?: string): File {
  if (content instanceof File && content.name === filename && !contentType) return content;
  const type =
    contentType ?? (content instanceof Blob && content.type ? content.type : guessContentType(filename));
  return new File([content], filename, { type });
}

const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  json: 'application/json',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  webm: 'video/webm',
  zip: 'application/zip',
  parquet: 'application/vnd.apache.parquet',
};

/** The media type of a file name's extension; `application/octet-stream` when the extension is unknown. */
export function guessContentType(filename: string): string {
  const dot = filename.lastIndexOf('.');
  const ext = dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/** A file a method downloaded: the name the server gave it (else a fallback) and its bytes. */
export interface DownloadedFile {
  filename: string;
  content: Uint8Array;
}

/** Reads a binary response into `{ filename, content }`; the name comes from `Content-Disposition`. */
export async function readFile(response: Response, fallbackName: string): Promise<DownloadedFile> {
  const filename = filenameOf(response.headers.get('content-disposition')) ?? fallbackName;
  return { filename, content: new Uint8Array(await response.arrayBuffer()) };
}

/**
 * The file name of a `Content-Disposition` header: `filename*=UTF-8''…` (RFC 6266/8187) first, else
 * `filename="…"` or a bare `filename=…`. Only the last path segment is kept, so a name never walks
 * out of the directory the caller saves it in.
 */
export function filenameOf(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  let name: string | undefined;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = undefined;
    }
  }
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))/i.exec(header);
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim();
  }
  const base = name?.split(/[/\\]/).pop()?.trim();
  return base && base !== '.' && base !== '..' ? base : undefined;
}
