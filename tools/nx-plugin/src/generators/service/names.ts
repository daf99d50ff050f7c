import { names } from '@nx/devkit';

export const DEFAULT_CONSUMES = 'ReadingsNormalizedV1';
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Every spelling of the service name the templates need, derived once. */
export interface ServiceNames {
  readonly name: string;
  readonly className: string;
  readonly constantName: string;
  readonly functionName: string;
  readonly handlerName: string;
  readonly consumes: string;
}

export function serviceNames(name: string, consumes: string = DEFAULT_CONSUMES): ServiceNames {
  // The name becomes a folder, a tag, an import alias and AWS resource names: only kebab-case fits all of them.
  if (!KEBAB.test(name)) throw new Error(`service name '${name}' must be kebab-case (e.g. 'forecast')`);
  const n = names(name);
  return {
    name: n.fileName,
    className: n.className,
    constantName: n.constantName,
    functionName: `handle-${n.fileName}-event`,
    handlerName: `handle${n.className}Event`,
    consumes,
  };
}
