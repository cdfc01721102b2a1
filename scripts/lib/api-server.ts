/** The Lambda handlers behind serverless-offline (through the osls CLI), as `npm start` and tests run them. */
import { join } from 'node:path';
import { startChild, type ManagedChild } from './child';
import { ROOT } from './table';

export interface ApiServer {
  url: string;
  stop(): Promise<void>;
  child: ManagedChild;
}

export async function startApiServer(options: {
  port: number;
  lambdaPort: number;
  dynamodbPort: number;
  stage?: string;
  logLevel?: string;
  extraEnv?: Record<string, string>;
  onOutput?: (text: string) => void;
}): Promise<ApiServer> {
  const child = startChild(join(ROOT, 'node_modules', '.bin', 'osls'), ['offline', 'start', '--stage', options.stage ?? 'local'], {
    cwd: ROOT,
    env: {
      ...process.env,
      API_PORT: String(options.port),
      LAMBDA_PORT: String(options.lambdaPort),
      DYNAMODB_PORT: String(options.dynamodbPort),
      LOG_LEVEL: options.logLevel ?? 'info',
      SLS_TELEMETRY_DISABLED: '1',
      SLS_NOTIFICATIONS_MODE: 'off',
      ...options.extraEnv,
    },
    onOutput: options.onOutput,
  });
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.process.exitCode !== null) {
      throw new Error(`The API (osls offline) exited at start:\n${child.output().slice(-3000)}`);
    }
    try {
      const response = await fetch(`${url}/health`);
      if (response.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      await child.stop();
      throw new Error(`The API did not become healthy within 120 s:\n${child.output().slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { url, stop: child.stop, child };
}
