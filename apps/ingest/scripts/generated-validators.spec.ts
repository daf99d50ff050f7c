import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const WORKSPACE = join(__dirname, '..', '..', '..');

it("ingest's generated validators are committed exactly as the generator writes them from today's schemas", () => {
  // Act
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'libs/schemas/scripts/generate-validators.ts', 'apps/ingest', '--check'], { cwd: WORKSPACE, encoding: 'utf8' });

  // Assess: on failure stderr names the stale files and `npx nx run ingest:generate-validators`
  expect(check.stderr).toBe('');
  expect(check.status).toBe(0);
});
