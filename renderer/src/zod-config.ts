/**
 * Imported by main.tsx before the app's chunks, so before any schema is built: the CSP forbids
 * eval, and without this zod probes `new Function` while building object schemas and the console
 * reports a CSP violation.
 */
import { z } from 'zod';

z.config({ jitless: true });
