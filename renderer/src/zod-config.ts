/**
 * Imported first by main.tsx, before any schema is built: the CSP forbids eval, and without this
 * zod probes `new Function` while building object schemas and the console reports a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
