import { generateFiles, joinPathFragments, updateJson, type Tree } from '@nx/devkit';
import { serviceNames } from './names';
import type { ServiceGeneratorSchema } from './schema';

interface TsConfigBase {
  compilerOptions?: { paths?: Record<string, string[]> };
}

/** Scaffolds apps/<name> the way apps/transform is laid out, and registers its two import aliases. */
export function serviceGenerator(tree: Tree, options: ServiceGeneratorSchema): void {
  const names = serviceNames(options.name, options.consumes);
  const projectRoot = `apps/${names.name}`;
  if (tree.exists(projectRoot)) throw new Error(`${projectRoot} already exists`);

  generateFiles(tree, joinPathFragments(__dirname, 'files'), projectRoot, { ...names, tmpl: '' });

  updateJson<TsConfigBase>(tree, 'tsconfig.base.json', (json) => {
    const paths = { ...json.compilerOptions?.paths };
    paths[`@pulse/${names.name}`] = [`${projectRoot}/src/index.ts`];
    paths[`@pulse/${names.name}/infra`] = [`${projectRoot}/infra/${names.name}-stack.ts`];
    return { ...json, compilerOptions: { ...json.compilerOptions, paths } };
  });
  // No formatFiles: the workspace has no formatter installed, and the templates are written formatted.
}

export default serviceGenerator;
