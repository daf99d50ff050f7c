// The esbuild settings every Lambda function bundle shares: nx.json's @nx/esbuild defaults
// point here (`esbuildConfig`), and the bench reads the same module to explain bundle sizes.
const path = require('node:path');
const { build } = require('esbuild');

const TRACER_PACKAGE = '@aws-lambda-powertools/tracer';

/**
 * Powertools' Tracer with the X-Ray SDK is built as its own file beside index.js, in
 * node_modules/ so that the bundle's `require('@aws-lambda-powertools/tracer')` finds it.
 * The service kit requires it only when tracing is on, so a function with tracing off
 * never reads it, and one with tracing on pays for it only then.
 */
const tracerBesideBundle = {
  name: 'pulse-tracer-beside-bundle',
  setup(esbuild) {
    esbuild.onEnd(async (result) => {
      const { outfile, outdir } = esbuild.initialOptions;
      if (result.errors.length > 0 || (!outfile && !outdir)) return;
      const folder = outfile ? path.dirname(outfile) : outdir;
      await build({
        entryPoints: [require.resolve(TRACER_PACKAGE)],
        outfile: path.join(folder, 'node_modules', TRACER_PACKAGE, 'index.js'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: esbuild.initialOptions.target ?? 'node22',
        minify: true,
        legalComments: 'none',
        mainFields: ['module', 'main'],
        logLevel: 'warning',
      });
    });
  },
};

module.exports = {
  legalComments: 'none',
  outExtension: { '.js': '.js' },
  mainFields: ['module', 'main'],
  alias: { '@aws-sdk/credential-provider-node': path.join(__dirname, 'credentials-from-environment.mjs') },
  external: [TRACER_PACKAGE],
  plugins: [tracerBesideBundle],
};
