// The CLI file is the package's bin: executable, so that `npx juesuan` runs it in a fresh clone (npm marks a
// dependency's bin at install, but not the bin of the project it runs in, and tsc writes files 0644).
import { chmodSync } from 'node:fs';

chmodSync(new URL('../dist/cli.js', import.meta.url), 0o755);
