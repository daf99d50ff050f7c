/** The environment every scripted Nx call runs with: no cloud, no daemon, plain output. */
export function nxEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, NX_NO_CLOUD: 'true', NX_DAEMON: 'false', NX_TUI: 'false' };
}
