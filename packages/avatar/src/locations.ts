// Storage locations: `s3://<bucket>/<key>` paths, the `<api>/access?url=s3://…` envelopes of `/results`
// and `/access`, and the base of a user's uploads (`GET /upload_url`, `s3://<user_id>/<N>d`).

/** A bucket and an object key on the S3-compatible storage. */
export type S3Location = { bucket: string; key: string };

/** Parses `s3://bucket/key/…`. Throws a TypeError on anything else. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new TypeError(`not an s3://bucket/key location: ${JSON.stringify(url)}`);
  return { bucket: m[1]!, key: m[2]! };
}

/** The `s3://` path carried by an `…/access?url=s3://…` envelope (an `s3://` path is returned as is). */
export function s3PathOf(url: string): string {
  if (url.startsWith('s3://')) return url;
  const q = url.indexOf('?');
  const inner = q >= 0 ? new URLSearchParams(url.slice(q + 1)).get('url') : null;
  if (!inner) throw new TypeError(`not an …/access?url=s3://… envelope: ${JSON.stringify(url)}`);
  return s3PathOf(inner);
}

/** Wraps an `s3://` path in the envelope `GET /access` expects: `<api>/access?url=<path>`. */
export function accessUrlFor(baseUrl: string, s3Path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/access?url=${s3Path}`;
}

/** `s3://bucket/prefix` + `a/b.csv` → `s3://bucket/prefix/a/b.csv`. */
export function joinS3(base: string, key: string): string {
  const cleanKey = key.replace(/^\/+/, '');
  if (!cleanKey || cleanKey.split('/').some((part) => part === '..' || part === '.')) {
    throw new TypeError(`invalid storage key: ${JSON.stringify(key)}`);
  }
  return `${base.replace(/\/+$/, '')}/${cleanKey}`;
}

/** The last path segment of a location (the file name). */
export function fileNameOf(s3Path: string): string {
  return s3Path.slice(s3Path.lastIndexOf('/') + 1);
}
