/**
 * Front-ends validate with the contract's zod schemas. zod's fast path probes `new Function`, which the
 * strict CSP (no 'unsafe-eval') reports as a violation even though zod catches it: run jitless.
 * Import this first in every app entry that may parse with zod.
 */
import { z } from 'zod';

z.config({ jitless: true });
