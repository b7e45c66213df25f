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
    const value = part === 'body' ? input.body : (input[part] ?? {});
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
