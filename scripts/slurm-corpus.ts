// A small corpus for scripts/slurm-recipe.sh: text reports (each its own content) and broken files.
// Usage: npx tsx scripts/slurm-corpus.ts <dir>
import { writeReports, writeBroken } from '../tests/batch-fixtures.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: slurm-corpus.ts <dir>');
await writeReports(dir, 8);
await writeBroken(dir);
