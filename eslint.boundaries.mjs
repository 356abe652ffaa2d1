/**
 * Module boundaries, enforced by `npm run lint`: dependencies point inward.
 * Domain modules hand their sources to the suppression engine and ask it for
 * decisions through interfaces in common/, so none of them imports another
 * or suppression/, and suppression/ imports none of them. common/ and
 * database/ import no module (common/ may use database/, the infrastructure
 * under everything). Nothing but a Nest module imports a resolver.
 */
const DOMAIN = ['services', 'monitors', 'blackouts', 'provider-maintenance', 'redundancy'];
const FORBIDDEN = {
  services: [...DOMAIN, 'suppression'],
  monitors: [...DOMAIN, 'suppression'],
  blackouts: [...DOMAIN, 'suppression'],
  'provider-maintenance': [...DOMAIN, 'suppression'],
  redundancy: [...DOMAIN, 'suppression'],
  suppression: DOMAIN,
  common: [...DOMAIN, 'suppression'],
  database: [...DOMAIN, 'suppression'],
};
const DEEPEST = 4;

/** A file `depth` folders below src/<module>/ reaches another module with `depth` × '../'. */
function blocksFor(module, forbidden) {
  return Array.from({ length: DEEPEST }, (_, i) => {
    const depth = i + 1;
    const others = forbidden.filter((m) => m !== module).join('|');
    return {
      files: [`src/${module}/${'*/'.repeat(depth - 1)}*.ts`],
      ignores: ['**/__tests__/**'],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              {
                regex: `^(\\.\\./){${depth}}(${others})/`,
                message: `src/${module}/ may not import ${forbidden.join(', ')}: ask through the interfaces in common/ (see eslint.boundaries.mjs).`,
              },
              { regex: '\\.resolvers?$', message: 'Nothing imports a resolver: put what is shared in a mapper or service.' },
            ],
          },
        ],
      },
    };
  });
}

export const boundaries = [
  ...Object.entries(FORBIDDEN).flatMap(([module, forbidden]) => blocksFor(module, forbidden)),
  // Modules register their resolvers: that is the one import of a resolver allowed.
  { files: ['src/**/*.module.ts'], rules: { '@typescript-eslint/no-restricted-imports': 'off' } },
];
