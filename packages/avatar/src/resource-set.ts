import { parseAllDocuments, stringify } from 'yaml';
import type { JobKind } from './generated/models.gen.js';

/** One table of a single- or multi-table avatarization. */
export interface TableInput {
  /** Table name (also the schema's table name). */
  name: string;
  /** Object key of the uploaded file in the input volume, e.g. `iris.csv`. */
  file: string;
  /** Number of neighbours used to build each avatar. @default 5 */
  k?: number;
  /** Column that identifies a row (kept out of the avatarization). */
  primaryKey?: string;
}

/** What a resource set is built from: its name, the input and results volumes, and the tables. */
export interface ResourceSetInput {
  /** Human-readable name of the set (kept across versions). */
  displayName: string;
  /** The `AvatarVolume` YAML for the input data (`resources.getUserVolume({ purpose: 'input' })`). */
  inputVolume: string;
  /** The `AvatarVolume` YAML for the results (`resources.getUserVolume({ purpose: 'results' })`). */
  resultsVolume: string;
  tables: readonly TableInput[];
  /** Which jobs the set has parameters for. @default all four of the chain */
  jobs?: readonly JobKind[];
  /** Random seed of every job, for reproducible runs. */
  seed?: number;
}

/**
 * Builds the multi-document YAML of a resource set for `PUT /resources/{display_name}`: metadata,
 * the two volumes, the schema of the original and of the avatarized tables, and the parameters of
 * each job kind requested (`standard`, `signal_metrics`, `privacy_metrics`, `report`).
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
  const docs: unknown[] = [
    {
      kind: 'AvatarMetadata',
      metadata: { name: `avatar-metadata-${schema}` },
      spec: { display_name: input.displayName },
    },
    {
      kind: 'AvatarSchema',
      metadata: { name: schema },
      spec: {
        tables: input.tables.map((t) => ({
          name: t.name,
          data: { volume: inputName, file: t.file },
          ...(t.primaryKey ? { columns: [{ field: t.primaryKey, primary_key: true }] } : {}),
        })),
      },
    },
    {
      kind: 'AvatarSchema',
      metadata: { name: avatarized },
      spec: {
        tables: input.tables.map((t) => ({ name: t.name, avatars_data: { auto: true } })),
        schema_ref: schema,
      },
    },
  ];
  if (jobs.has('standard')) {
    docs.push({
      kind: 'AvatarParameters',
      metadata: { name: 'standard' },
      spec: {
        schema,
        avatarization: Object.fromEntries(input.tables.map((t) => [t.name, { k: t.k ?? 5 }])),
        ...results('standard'),
        ...seed,
      },
    });
  }
  for (const [kind, docKind] of [
    ['signal_metrics', 'AvatarSignalMetricsParameters'],
    ['privacy_metrics', 'AvatarPrivacyMetricsParameters'],
  ] as const) {
    if (!jobs.has(kind)) continue;
    docs.push({
      kind: docKind,
      metadata: { name: kind },
      spec: { schema: avatarized, avatarization_ref: 'standard', ...results(kind), ...seed },
    });
  }
  if (jobs.has('report')) {
    docs.push({
      kind: 'AvatarReportParameters',
      metadata: { name: 'report' },
      spec: { report_type: 'basic', ...results('report') },
    });
  }
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
