// `pnpm start`: the reference server in demo mode, on SQLite with seeded data, at
// http://localhost:8787 (PORT to change it), serving the example intranet page and the
// kit's bundle beside the API. The build runs first (see package.json).
import { fileURLToPath } from 'node:url';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
process.env.RMKIT_DEMO ??= '1';
process.env.RMKIT_STATIC_DIRS ??= [
  here('../examples/intranet'),
  here('../packages/elements/dist/bundle'),
].join(',');
await import('../packages/server/dist/main.js');
