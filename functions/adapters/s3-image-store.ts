/**
 * Object storage for feed images through the AWS SDK: the stage's S3 bucket deployed, s3rver in the
 * local stages (path-style, its built-in account; s3rver checks the signatures).
 *
 * Readers' URLs: deployed, a presigned GET per object (valid an hour): the bucket stays private,
 * which AWS China needs anyway (a publicly readable bucket there requires an ICP filing) and which
 * keeps a draft's images as private as its text. Locally, the plain object URL at the address a
 * browser reaches the local S3 through (the H5 web server's /s3 proxy): s3rver serves unsigned GETs.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { config } from '../config';
import type { ImageStore } from '../domain/uploads/upload';

const READ_URL_TTL_SECONDS = 3600;

// The S3 SDK (client, presigners: ~40% of a cold start of the functions that handle photos) is loaded on
// the first image operation, not with the bundle: most requests to feeds, market and questions touch no image.
const s3Sdk = () => import('@aws-sdk/client-s3');
const presignedPost = () => import('@aws-sdk/s3-presigned-post');
const requestPresigner = () => import('@aws-sdk/s3-request-presigner');

let client: S3Client | undefined;

async function s3(): Promise<S3Client> {
  if (!client) {
    const { S3Client } = await s3Sdk();
    const { region, uploads } = config();
    client ??= new S3Client({
      region,
      maxAttempts: 3,
      requestHandler: { connectionTimeout: 1_000, requestTimeout: 5_000 },
      ...(uploads.s3Endpoint
        ? { endpoint: uploads.s3Endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
        : {}),
    });
  }
  return client;
}

const bucket = () => config().uploads.bucket;

/** Locally, the SDK's URL (the local S3's own address) moved to where browsers reach it. */
function publicUrl(url: string): string {
  const { s3Endpoint, s3PublicUrl } = config().uploads;
  if (!s3Endpoint || !s3PublicUrl) return url;
  return s3PublicUrl.replace(/\/+$/, '') + url.slice(s3Endpoint.replace(/\/+$/, '').length);
}

async function isNotFound(error: unknown): Promise<boolean> {
  const { S3ServiceException } = await s3Sdk();
  return error instanceof S3ServiceException && (error.$metadata.httpStatusCode === 404 || error.name === 'NotFound' || error.name === 'NoSuchKey');
}

export const s3ImageStore: ImageStore = {
  async presignPost(key, { contentType, maxBytes, expiresSeconds }) {
    const { createPresignedPost } = await presignedPost();
    const post = await createPresignedPost(await s3(), {
      Bucket: bucket(),
      Key: key,
      Fields: { 'Content-Type': contentType },
      // S3 refuses a POST outside this policy: another key, another type, an empty or larger file.
      Conditions: [
        ['eq', '$key', key],
        ['eq', '$Content-Type', contentType],
        ['content-length-range', 1, maxBytes],
      ],
      Expires: expiresSeconds,
    });
    return { url: publicUrl(post.url), fields: post.fields };
  },

  async head(key) {
    const { HeadObjectCommand } = await s3Sdk();
    try {
      const head = await (await s3()).send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
      return { size: Number(head.ContentLength ?? 0), contentType: head.ContentType ?? null };
    } catch (error) {
      if (await isNotFound(error)) return null;
      throw error;
    }
  },

  async readStart(key, bytes) {
    const { GetObjectCommand } = await s3Sdk();
    const answer = await (await s3()).send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${Math.max(bytes, 1) - 1}` }));
    const body = await answer.Body!.transformToByteArray();
    // A server that ignores Range sends everything: look at the prefix only.
    return body.subarray(0, bytes);
  },

  async remove(keys) {
    const { DeleteObjectCommand } = await s3Sdk();
    const client = await s3();
    await Promise.all(keys.map((Key) => client.send(new DeleteObjectCommand({ Bucket: bucket(), Key }))));
  },

  async urls(keys) {
    const { s3Endpoint } = config().uploads;
    const entries = await Promise.all(
      keys.map(async (key): Promise<[string, string]> => {
        if (s3Endpoint) return [key, publicUrl(`${s3Endpoint.replace(/\/+$/, '')}/${bucket()}/${key.split('/').map(encodeURIComponent).join('/')}`)];
        const [{ GetObjectCommand }, { getSignedUrl }] = await Promise.all([s3Sdk(), requestPresigner()]);
        return [key, await getSignedUrl(await s3(), new GetObjectCommand({ Bucket: bucket(), Key: key }), { expiresIn: READ_URL_TTL_SECONDS })];
      }),
    );
    return new Map(entries);
  },
};

export function resetS3ForTests(): void {
  client?.destroy();
  client = undefined;
}
