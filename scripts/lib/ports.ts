import { createServer } from 'node:net';
import { PrerequisiteError } from './errors';

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** One clear sentence per busy port, naming the variable that moves it. */
export async function assertPortsFree(ports: Array<{ port: number; what: string; envVar: string }>): Promise<void> {
  for (const { port, what, envVar } of ports) {
    if (!(await isPortFree(port))) {
      throw new PrerequisiteError(
        `Port ${port} (${what}) is already in use: stop whatever is using it (another \`npm start\`?) or choose another port with ${envVar}=<port>.`,
      );
    }
  }
}

/** A free port chosen by the OS, for test stacks that must not collide with `npm start`. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
