// The record schema's version, apart from the schema itself: the batch runner's main thread names its
// pipeline with it (src/batch/state.ts) without loading zod and the record schema (start-up, issue 15).
export const SCHEMA_VERSION = '1';
