import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const root = join(__dirname, '..', '..');

const wrong: [string, string][] = [
  ['src/services/example.ts', "import { SuppressionEngine } from '../suppression/suppression-engine.service';"],
  ['src/monitors/sub/example.ts', "import { MaintenanceWindow } from '../../services/entities/maintenance-window.entity';"],
  ['src/suppression/example.ts', "import { BlackoutPolicy } from '../blackouts/blackout.entities';"],
  ['src/database/example.ts', "import { Service } from '../services/entities/service.entity';"],
  ['src/common/graphql/example.ts', "import { MonitorsService } from '../../monitors/monitors.service';"],
  ['src/blackouts/example.ts', "import { MaintenanceResolver } from './maintenance.resolver';"],
];
const right: [string, string][] = [
  ['src/provider-maintenance/example.ts', "import { SuppressionPort } from '../common/suppression/suppression.port';"],
  ['src/common/changelog/example.ts', "import type { ChangeRef } from '../suppression/suppression.model';"],
  ['src/services/services.module.ts', "import { ServiceCatalogResolver } from './service-catalog.resolver';"],
];

/** Lints each snippet as the file at its path, in one ESLint run with the boundary rules of `npm run lint`; the rule ids per path. */
function lint(files: [string, string][]): Map<string, string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hush-boundaries-'));
  try {
    for (const [path, code] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), `${code}\nexport const used = [${code.match(/\{ (\w+) \}/)![1]}];\n`);
    }
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '-c', join(root, 'test/lint/boundaries-only.config.mjs'), '-f', 'json', 'src'],
      { cwd: dir, encoding: 'utf8' },
    );
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { ruleId: string | null }[] }[];
    return new Map(results.map((r) => [relative(dir, r.filePath), r.messages.map((m) => m.ruleId ?? 'parse error')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('module boundaries (npm run lint)', () => {
  const found = lint([...wrong, ...right]);

  it.each(wrong)('refuses the wrong import in %s', (path) => {
    expect(found.get(path)).toEqual(['@typescript-eslint/no-restricted-imports']);
  });

  it.each(right)('allows the right one in %s', (path) => {
    expect(found.get(path)).toEqual([]);
  });
});
