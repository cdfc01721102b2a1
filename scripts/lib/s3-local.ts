/**
 * A local S3-compatible server (npm `s3rver`) in this process: on disk under .data/s3 for `npm start`,
 * in a temporary folder for tests. It creates the uploads bucket at start.
 *
 * s3rver stores what a presigned POST sends without checking the POST policy (its `policy` field is
 * "unimplemented": no content-length-range, no Content-Type condition). The API's check of each object
 * by content and real size when an item references it (functions/domain/uploads) is what holds here;
 * tests/integration/uploads-http.test.ts shows both.
 */
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { PrerequisiteError } from './errors';

/** s3rver's one built-in account; the local S3 client signs with it (s3rver checks signatures). */
export const LOCAL_S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_UPLOADS_BUCKET = 'yinong-local-uploads';

export interface S3Local {
  endpoint: string;
  port: number;
  bucket: string;
  stop(): Promise<void>;
}

export async function startS3Local(options: { port: number; directory?: string; bucket?: string }): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = options.directory ?? mkdtempSync(join(tmpdir(), 'yinong-s3-'));
  mkdirSync(directory, { recursive: true });
  const bucket = options.bucket ?? LOCAL_UPLOADS_BUCKET;
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port,
    directory,
    silent: true,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  try {
    await server.run();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new PrerequisiteError(
        `Port ${options.port} (local S3) is already in use: stop whatever is using it (another \`npm start\`?) or choose another port with S3_PORT=<port>.`,
      );
    throw error;
  }
  return {
    endpoint: `http://127.0.0.1:${options.port}`,
    port: options.port,
    bucket,
    async stop() {
      await server.close().catch(() => undefined);
      if (temporary) rmSync(directory, { recursive: true, force: true });
    },
  };
}
