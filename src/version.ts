import { readFileSync } from 'node:fs';

/** The package version; with the schema version it identifies the pipeline that made a record. */
export const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
