import type { ServiceName } from './service-declaration';

/** The build convention: `nx build <service>` writes each function to this file, exporting `handler`. */
export function functionBundlePath(service: ServiceName | { name: ServiceName }, fn: string | { name: string }): string {
  const serviceName = typeof service === 'string' ? service : service.name;
  const functionName = typeof fn === 'string' ? fn : fn.name;
  return `dist/apps/${serviceName}/${functionName}/index.js`;
}
