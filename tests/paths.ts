// Where tests find the repo and the shared test material (CI has shared/ beside the checkout).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const besideCheckout = resolve(repo, '..', 'shared');
export const shared = existsSync(besideCheckout) ? besideCheckout : '/work/shared';
export const seed = (name: string) => join(shared, 'seed', name);
export const corpus = (name: string) => join(shared, 'corpus', 'real', name);
export const SEED_TXT = seed('000_37d039dcb8ad6afc.txt');
export const sample = (name: string) => join(repo, 'samples', name);
export const CLI = join(repo, 'dist', 'cli.js');
