/**
 * Import rules checked by `npm run lint:deps` (part of `npm test`). Type-only imports count:
 * a cycle through types still means two modules cannot be read or moved apart.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or through others.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'ui-never-calls-the-api',
      severity: 'error',
      comment:
        'Data flows one way: pages read the database and message the background, which calls the API.',
      from: { path: '^(components|entrypoints/(popup|sessions|insights|options))/' },
      to: {
        path: '^utils/(api/(client|http|paginate|retry)|sync/(engine|org-pass|service))\\.ts$',
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
  },
};
