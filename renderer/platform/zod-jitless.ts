/**
 * The window's Content-Security-Policy forbids eval (electron/common/csp.ts), so zod's compiled parsers cannot run
 * here: left to find out, zod tries `new Function` once, is refused, and leaves a CSP violation in the console.
 * Imported before anything else, since zod decides for each schema when the schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
