// Imported first by the browser entry, before any module builds a zod schema: zod's fast path
// compiles parsers with `new Function`, which the pages' Content-Security-Policy forbids (no
// 'unsafe-eval'), and even its probe for eval is reported as a violation. Jitless, zod parses
// by walking the schema instead; the browser parses little, so the speed does not matter there.
import { z } from 'zod';

z.config({ jitless: true });
