import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Type } from '@sinclair/typebox';
import { validatorManifest } from './validator-manifest';
import { missingGeneratedImports } from './pending-imports';
import { GENERATED_DIR, renderModule, renderValidators, staleMessage, staleValidatorFiles } from './validator-modules';

const PROJECT_ROOT = join(__dirname, '..');

describe('generated validators', () => {
  const rendered = renderValidators(validatorManifest);

  it('are committed exactly as the generator writes them from today\'s schemas', () => {
    // Act
    const stale = staleValidatorFiles(PROJECT_ROOT, rendered);

    // Assess
    expect(staleMessage(stale, validatorManifest.command)).toBe('');
  });

  describe('staleness', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'pulse-generated-'));
      cpSync(join(PROJECT_ROOT, GENERATED_DIR), join(root, GENERATED_DIR), { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('names a module changed by hand, a missing one and a left-over one, and the command to run', () => {
      // Prepare
      const edited = join(GENERATED_DIR, 'reading.js');
      writeFileSync(join(root, edited), `${readFileSync(join(root, edited), 'utf8')}\n// edited\n`);
      rmSync(join(root, GENERATED_DIR, 'readings-stored-v1.d.ts'));
      writeFileSync(join(root, GENERATED_DIR, 'readings-old-v1.js'), '');

      // Act
      const stale = staleValidatorFiles(root, rendered);

      // Assess
      expect(stale.sort()).toEqual([edited, join(GENERATED_DIR, 'readings-old-v1.js'), join(GENERATED_DIR, 'readings-stored-v1.d.ts')].sort());
      expect(staleMessage(stale, validatorManifest.command)).toContain('run `npx nx run schemas:generate-validators`');
    });

    it('finds imports of validators not generated yet, which the generator stands in for before loading the manifest', () => {
      // Prepare
      mkdirSync(join(root, 'src', 'events', 'future'), { recursive: true });
      writeFileSync(join(root, 'src', 'events', 'future', 'v2.ts'), "import validateDetail from '../../generated/future-v2';\nimport r from '../../generated/reading';\n");

      // Act
      const missing = missingGeneratedImports(root);

      // Assess
      expect(missing).toEqual([join(GENERATED_DIR, 'future-v2.js')]);
    });
  });

  it('import Ajv\'s runtime helpers and the date-time format by name, and mark module-level regexps pure', () => {
    // Act
    const reading = rendered.find((f) => f.path === join(GENERATED_DIR, 'reading.js'))!.content;

    // Assess
    expect(reading).not.toMatch(/\brequire\(/);
    expect(reading).toMatch(/^import \w+ from "ajv\/dist\/runtime\/ucs2length";$/m);
    expect(reading).toMatch(/^import \{ isIsoDateTime as \w+ \} from "\.\.\/iso-date-time";$/m);
    expect(reading.match(/^const \w+ = new RegExp/gm)).toBeNull();
  });

  it('refuse a schema whose issues would need what generated code leaves out', () => {
    // Prepare
    const manifest = { command: 'generate', validators: [] };

    // Act
    const render = (schema: object) => () => renderModule({ module: 'x', schema: schema as never }, manifest);

    // Assess
    expect(render(Type.Integer({ multipleOf: 5 }))).toThrow("'multipleOf' at #");
    expect(render(Type.Object({ a: Type.Ref('Other') }))).toThrow("'$ref' at #/properties/a");
    expect(render(Type.Object({ a: Type.Integer({ minimum: 0 }) }))).not.toThrow();
  });
});
