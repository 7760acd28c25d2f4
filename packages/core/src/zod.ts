import { config } from 'zod';

// Zod otherwise probes for `new Function` when it builds an object schema, which a page
// with a strict Content-Security-Policy (no 'unsafe-eval') reports as a violation. Every
// module of core takes zod from here, so the setting is in place before any schema exists,
// whatever order a bundler puts the modules in. The schemas run the same without it.
config({ jitless: true });

export * as z from 'zod';
