import { parseAllDocuments, stringify } from 'yaml';
import type { JobKind } from './generated/models.gen.js';

/** A table: its `name`, its upload's key (`file`), `k` neighbours per avatar (5), its `primaryKey` column. */
export interface TableInput {
  name: string;
  file: string;
  k?: number;
  primaryKey?: string;
}

/**
 * A resource set: `displayName`, the input and results `AvatarVolume` YAML (`resources.getUserVolume`),
 * the tables, the `jobs` it has parameters for (default: the chain) and every job's `seed`.
 */
export interface ResourceSetInput {
  displayName: string;
  inputVolume: string;
  resultsVolume: string;
  tables: readonly TableInput[];
  jobs?: readonly JobKind[];
  seed?: number;
}

/**
 * The multi-document YAML of `PUT /resources/{display_name}`: metadata, the two volumes, the original and
 * avatarized schemas, and the parameters of each job kind requested.
 */
export function buildResourceSet(input: ResourceSetInput): string {
  if (!input.displayName.trim()) throw new TypeError('displayName is empty');
  if (!input.tables.length) throw new TypeError('a resource set needs at least one table');
  const jobs = new Set(input.jobs ?? ['standard', 'signal_metrics', 'privacy_metrics', 'report']);
  const inputName = volumeName(input.inputVolume);
  const resultsName = volumeName(input.resultsVolume);
  const schema = input.displayName;
  const avatarized = `${schema}_avatarized`;
  const seed = input.seed === undefined ? {} : { seed: input.seed };
  const results = (path: string) => ({ results: { volume: resultsName, path } });
  const doc = (kind: string, name: string, spec: object) => ({ kind, metadata: { name }, spec });
  const docs = [
    doc('AvatarMetadata', `avatar-metadata-${schema}`, { display_name: input.displayName }),
    doc('AvatarSchema', schema, {
      tables: input.tables.map((t) => ({
        name: t.name,
        data: { volume: inputName, file: t.file },
        ...(t.primaryKey ? { columns: [{ field: t.primaryKey, primary_key: true }] } : {}),
      })),
    }),
    doc('AvatarSchema', avatarized, {
      tables: input.tables.map((t) => ({ name: t.name, avatars_data: { auto: true } })),
      schema_ref: schema,
    }),
  ];
  const avatarization = Object.fromEntries(input.tables.map((t) => [t.name, { k: t.k ?? 5 }]));
  const metrics = { schema: avatarized, avatarization_ref: 'standard' };
  const parameters: [JobKind, string, object][] = [
    ['standard', 'AvatarParameters', { schema, avatarization, ...results('standard'), ...seed }],
    [
      'signal_metrics',
      'AvatarSignalMetricsParameters',
      { ...metrics, ...results('signal_metrics'), ...seed },
    ],
    [
      'privacy_metrics',
      'AvatarPrivacyMetricsParameters',
      { ...metrics, ...results('privacy_metrics'), ...seed },
    ],
    ['report', 'AvatarReportParameters', { report_type: 'basic', ...results('report') }],
  ];
  for (const [kind, docKind, spec] of parameters) if (jobs.has(kind)) docs.push(doc(docKind, kind, spec));
  const [metadata, ...rest] = docs.map((d) => stringify(d).trimEnd());
  return [metadata, input.inputVolume.trim(), input.resultsVolume.trim(), ...rest].join('\n---\n') + '\n';
}

/** `metadata.name` of an AvatarVolume document. */
function volumeName(volumeYaml: string): string {
  const docs = parseAllDocuments(volumeYaml);
  const first = docs[0];
  if (docs.length !== 1 || !first || first.errors.length)
    throw new TypeError('expected one AvatarVolume YAML document');
  const doc = first.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
  if (doc?.kind !== 'AvatarVolume' || typeof doc.metadata?.name !== 'string') {
    throw new TypeError('expected an AvatarVolume document with metadata.name');
  }
  return doc.metadata.name;
}
