/**
 * Redaction of credentials. Used by errors, logs and `inspect` output, so a secret never leaves the
 * process in a message. Matching is by name, case-insensitive.
 */

const SECRET_NAME =
  /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key|api[-_]?key|apikey|password|passwd|secret|client[-_]?secret|token|access|refresh|access[-_]?token|refresh[-_]?token|id[-_]?token|session|x-amz-security-token|aws[-_]?secret[-_]?access[-_]?key|secret[-_]?access[-_]?key|session[-_]?token|signature|x-amz-signature)$/i;

/** What logs and error messages show in place of a credential. */
export const REDACTED = '[REDACTED]';

/** True when a header, field or query parameter of this name carries a credential. */
export function isSecretName(name: string): boolean {
  return SECRET_NAME.test(name);
}

/** A copy of the headers with every credential replaced by {@link REDACTED}. */
export function redactHeaders(headers: Headers | Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) out[name] = isSecretName(name) ? REDACTED : value;
  return out;
}

/** The URL with credential-named query parameters replaced. */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (isSecretName(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${url.slice(0, q)}?${params.toString().replaceAll('%5BREDACTED%5D', REDACTED)}` : url;
}

/** A deep copy of a JSON-like value with credential-named fields replaced and bearer-like strings scrubbed. */
export function redactValue(value: unknown, depth = 0): unknown {
  return redactDeep(value, depth, () => REDACTED);
}

/**
 * Like {@link redactValue}, for the text of error messages: under a credential-named field, a sentence
 * (`{"password": ["This password is too short."]}`) is kept, anything token-like is replaced.
 */
export function redactMessages(value: unknown): unknown {
  return redactDeep(value, 0, (v) =>
    Array.isArray(v) ? v.map((item) => (isSentence(item) ? item : REDACTED)) : isSentence(v) ? v : REDACTED,
  );
}

function isSentence(value: unknown): boolean {
  return typeof value === 'string' && /\s/.test(value.trim()) && scrubText(value, []) === value;
}

function redactDeep(value: unknown, depth: number, secret: (value: unknown) => unknown): unknown {
  if (typeof value === 'string') return scrubText(value, []);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, depth + 1, secret));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSecretName(k) && v != null ? secret(v) : redactDeep(v, depth + 1, secret);
  }
  return out;
}

/**
 * Removes known secret values from free text (a server message may echo a token back).
 * `secrets` are the literal values the client holds.
 */
export function scrubText(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join(REDACTED);
  return out.replace(/\b(Bearer|api-key-v1|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi, `$1 ${REDACTED}`);
}

/**
 * The forms a secret the client sent may come back in: as given, trimmed, URL-encoded (path or query),
 * JSON-escaped; those of 8 characters or more. Longest first, so a longer form goes before one inside it.
 */
export function secretForms(secrets: Iterable<string | undefined>): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret) continue;
    for (const s of new Set([secret, secret.trim()])) {
      forms.add(s);
      forms.add(encodeURIComponent(s));
      forms.add(new URLSearchParams({ s }).toString().slice(2));
      forms.add(JSON.stringify(s).slice(1, -1));
    }
  }
  // Below 8 characters a value is more likely a word than a credential ('expired', 'true'): kept, so a
  // message stays readable.
  return [...forms].filter((f) => f.length >= 8).sort((a, b) => b.length - a.length);
}

/**
 * A copy of a JSON-like value (an error body) in which every string has the given secrets — the ones the
 * request carried — replaced by {@link REDACTED}: a server that echoes a key, token or password back does
 * not put it into an error's message, body, `inspect` or JSON.
 */
export function scrubSecrets(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (!secrets.length) return value;
  if (typeof value === 'string') {
    let out = value;
    for (const form of secrets) out = out.split(form).join(REDACTED);
    return out;
  }
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubSecrets(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubSecrets(v, secrets, depth + 1);
  return out;
}

/** Secret values in a request's input: credential-named headers, query parameters and body fields. */
export function inputSecrets(input: {
  headers?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  body?: unknown;
}): string[] {
  const out: string[] = [];
  const collect = (value: unknown, named: boolean, depth: number) => {
    if (depth > 8 || value === null || value === undefined) return;
    if (typeof value === 'string') {
      if (named) out.push(value);
      return;
    }
    if (typeof value !== 'object') return;
    if (Array.isArray(value)) {
      for (const v of value) collect(v, named, depth + 1);
      return;
    }
    if (typeof Blob !== 'undefined' && value instanceof Blob) return;
    for (const [k, v] of Object.entries(value)) collect(v, named || isSecretName(k), depth + 1);
  };
  collect(input.headers, false, 0);
  collect(input.query, false, 0);
  collect(input.body, false, 0);
  return out;
}
