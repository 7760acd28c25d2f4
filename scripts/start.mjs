// `pnpm start`: the reference server in demo mode, on SQLite with seeded data, at
// http://localhost:8787 (PORT to change it). The build runs first (see package.json).
process.env.RMKIT_DEMO ??= '1';
await import('../packages/server/dist/main.js');
