// `pnpm start` will migrate, seed and serve the demo once the reference server exists.
// Until then it says so plainly instead of pretending to start something.
console.error(`rm-kit: the demo server is not built yet.

What exists today is @rm-kit/core, the domain contract (schemas and progress rules).
  pnpm test        runs its Node and browser tests
  pnpm build       compiles every package

The reference server (API on http://localhost:8787 with seeded data) and the demo page
come with the next issues; see README.md.`);
process.exit(1);
