// Where the scripts find the shared test material: beside the checkout (as CI lays it out), else the
// team machines' copy.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const besideCheckout = fileURLToPath(new URL('../../shared', import.meta.url));
export const shared = existsSync(besideCheckout) ? besideCheckout : '/work/shared';
