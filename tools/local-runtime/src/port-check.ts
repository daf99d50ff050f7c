import { createServer } from 'node:net';
import { PORT_FLAGS, type PortName } from './local-contract';

export class PortInUseError extends Error {
  constructor(
    readonly portName: PortName,
    readonly port: number,
  ) {
    super(`port ${port} (${portName}) is in use on 127.0.0.1: is another \`npm start\` running? ${PORT_FLAGS[portName]} changes it`);
    this.name = 'PortInUseError';
  }
}

/** Fails before anything starts, naming the flag, rather than half-starting the pipeline. */
export async function assertPortsFree(ports: Partial<Record<PortName, number>>, host = '127.0.0.1'): Promise<void> {
  for (const [name, port] of Object.entries(ports) as [PortName, number][]) {
    if (port === 0) continue;
    await new Promise<void>((resolve, reject) => {
      const probe = createServer();
      probe.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' || error.code === 'EACCES' ? new PortInUseError(name, port) : error),
      );
      probe.listen(port, host, () => probe.close(() => resolve()));
    });
  }
}

/** A server that failed to listen: the same named error when the port was taken meanwhile. */
export function explainListenError(error: unknown, name: PortName, port: number): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EADDRINUSE' ? new PortInUseError(name, port) : error;
}
