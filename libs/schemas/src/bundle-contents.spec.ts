import { build, type Metafile } from 'esbuild';

/** Bundles `entry` (resolved from this directory) the way the services' functions are built. */
async function bundle(entry: string) {
  const result = await build({
    stdin: { contents: entry, resolveDir: __dirname, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    mainFields: ['module', 'main'],
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const output = Object.values((result.metafile as Metafile).outputs)[0];
  const inputs = Object.keys(output.inputs).filter((path) => output.inputs[path].bytesInOutput > 0);
  return { code: result.outputFiles[0].text, inputs };
}

const packageOf = (path: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
const AJV_COMPILER_PACKAGES = ['ajv', 'fast-uri', 'json-schema-traverse', 'fast-deep-equal'];

function load(code: string): Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(module, module.exports, require);
  return module.exports;
}

describe('what a function bundle takes from @pulse/schemas', () => {
  it('contracts and validateReading bring their generated validators and no Ajv beyond its tiny runtime helpers', async () => {
    // Act
    const { inputs } = await bundle("export { ReadingsEnrichedV1, ReadingsStoredV1, validateReading } from './index';");

    // Assess
    const ajvInputs = inputs.filter((path) => AJV_COMPILER_PACKAGES.includes(packageOf(path) ?? ''));
    expect(ajvInputs.map((path) => path.replace(/.*node_modules\//, ''))).toEqual(['ajv/dist/runtime/ucs2length.js']);
    const generated = inputs.map((path) => /src\/generated\/([\w-]+)\.js$/.exec(path)?.[1]).filter(Boolean);
    expect(generated.sort()).toEqual(['reading', 'readings-enriched-v1', 'readings-stored-v1']);
  });

  it('the bundled contracts still validate and report issues', async () => {
    // Prepare
    const { code } = await bundle("export { ReadingsEnrichedV1, validateReading } from './index';");
    const { ReadingsEnrichedV1, validateReading } = load(code) as typeof import('./index');

    // Act
    const sample = ReadingsEnrichedV1.validate(ReadingsEnrichedV1.sample.detail);
    const reading = validateReading({ deviceId: 'sensor-1', timestamp: '2024-02-30T00:00:00Z', measurements: { pm25: -1 } });

    // Assess
    expect(sample.ok).toBe(true);
    expect(reading.ok ? [] : reading.errors.map((e) => `${e.path} ${e.rule}`)).toEqual(['timestamp format', 'measurements.pm25 minimum']);
  });

  it('compileValidator, for schemas without a generated validator, does bring Ajv', async () => {
    // Act
    const { inputs } = await bundle("export { compileValidator } from './index';");

    // Assess
    expect(inputs.some((path) => path.includes('node_modules/ajv/dist/core.js'))).toBe(true);
  });
});
