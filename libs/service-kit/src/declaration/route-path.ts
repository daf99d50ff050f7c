/**
 * HTTP API route path syntax: '/v1/devices/{deviceId}'. Segments are literal
 * (unreserved URL characters) or a whole-segment parameter; a greedy `{name+}` may only
 * be the last segment. Returns the parameter names in order, or the problems found.
 */
export type RoutePathResult = { ok: true; parameters: string[] } | { ok: false; problems: string[] };

const LITERAL = /^[A-Za-z0-9._~-]+$/;
const PARAMETER = /^\{([A-Za-z][A-Za-z0-9_]*)(\+?)\}$/;

export function parseRoutePath(path: string): RoutePathResult {
  if (!path.startsWith('/')) return { ok: false, problems: [`path '${path}' must start with '/'`] };
  if (path === '/') return { ok: true, parameters: [] };
  const problems: string[] = [];
  const parameters: string[] = [];
  const segments = path.slice(1).split('/');
  segments.forEach((segment, i) => {
    const parameter = PARAMETER.exec(segment);
    if (parameter) {
      const [, name, greedy] = parameter as unknown as [string, string, string];
      if (parameters.includes(name)) problems.push(`path '${path}' repeats parameter {${name}}`);
      if (greedy && i !== segments.length - 1) {
        problems.push(`path '${path}': greedy {${name}+} must be the last segment`);
      }
      parameters.push(name);
    } else if (segment === '') {
      problems.push(`path '${path}' has an empty segment or a trailing '/'`);
    } else if (!LITERAL.test(segment)) {
      problems.push(`path '${path}' has an invalid segment '${segment}'`);
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, parameters };
}

/** The concrete path for a template: '/v1/devices/{deviceId}' + { deviceId: 'd1' } → '/v1/devices/d1'. */
export function fillRoutePath(template: string, parameters: Readonly<Record<string, string>>): string {
  return template.replace(/\{([A-Za-z][A-Za-z0-9_]*)\+?\}/g, (whole, name: string) => {
    const value = parameters[name];
    return value === undefined ? whole : encodeURIComponent(value);
  });
}
