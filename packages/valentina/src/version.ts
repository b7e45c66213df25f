// Written by scripts/sync-versions.ts from package.json: do not edit.
export const VERSION = '0.1.0';
