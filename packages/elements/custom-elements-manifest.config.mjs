// The Custom Elements Manifest (custom-elements.json): what IDEs, Storybook and the
// generated docs/elements.md read to know each element's attributes, events and parts.
export default {
  globs: ['src/**/*.component.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
};
