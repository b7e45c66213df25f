import * as v from 'valibot';
import { RequestValidationError, type ValidationIssue } from './errors.js';
import { isSecretName, REDACTED } from './redact.js';

/** The generated valibot schemas of one operation's input, by part. */
export interface InputSchemas {
  path?: v.GenericSchema;
  query?: v.GenericSchema;
  headers?: v.GenericSchema;
  body?: v.GenericSchema;
}

/** The parts of a request that are checked against the operation's schemas before it is sent. */
export interface InputParts {
  path?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
  headers?: Record<string, unknown> | undefined;
  body?: unknown;
}

/** Checks every part of the input; throws one RequestValidationError listing every issue found. */
export function validateInput(operationId: string, schemas: InputSchemas, input: InputParts): void {
  const issues: ValidationIssue[] = [];
  for (const part of ['path', 'query', 'headers', 'body'] as const) {
    const schema = schemas[part];
    if (!schema) continue;
    const given = part === 'body' ? input.body : (input[part] ?? {});
    // HTTP header names are case-insensitive: `on-behalf-of` is the spec's `On-Behalf-Of`.
    const value = part === 'headers' ? canonicalHeaders(schema, given as Record<string, unknown>) : given;
    if (part === 'body' && value === undefined) continue;
    const result = v.safeParse(schema, value);
    if (result.success) continue;
    for (const issue of result.issues) {
      const at = v.getDotPath(issue);
      const path = at ? `${part}.${at}` : part;
      issues.push({ path, message: secretField(path) ? hideReceived(issue.message) : issue.message });
    }
  }
  if (issues.length) throw new RequestValidationError(operationId, issues);
}

/** A field that carries a credential (`body.password`, `path.download_token`, `headers.Authorization`…). */
function secretField(path: string): boolean {
  return path
    .split('.')
    .some((name) => isSecretName(name) || /token|password|passwd|secret|api[-_]?key/i.test(name));
}

/** valibot's messages end with `but received <the value>`; for a secret, the value must not be repeated. */
function hideReceived(message: string): string {
  return message.replace(/but received .*$/s, `but received ${REDACTED}`);
}

/**
 * The headers renamed to the spelling the schema's keys use, matched without regard to case (a later
 * spelling of the same name wins, as it does on the wire). Names the schema does not list are kept.
 */
function canonicalHeaders(
  schema: v.GenericSchema,
  headers: Record<string, unknown>,
): Record<string, unknown> {
  const entries = (schema as { entries?: Record<string, unknown> }).entries;
  if (!entries) return headers;
  const spelling = new Map(Object.keys(entries).map((name) => [name.toLowerCase(), name]));
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[spelling.get(name.toLowerCase()) ?? name] = value;
  }
  return out;
}
