/** Uploads as a client makes them: ask POST /uploads, then POST the form to the presigned URL, the file last. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { feedKeys, INDEX, uploadKeys } from '../../functions/data/keys';
import { LOCAL_S3_CREDENTIALS } from '../../scripts/lib/s3-local';

export const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

/** A renamed Linux executable: an ELF header and some code-looking bytes, named like a photo. */
export const ELF_AS_JPEG = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(4088, 0x90)]);
/** A renamed Windows executable. */
export const MZ_AS_JPEG = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2040, 0xcc)]);

export interface Presigned {
  url: string;
  fields: Record<string, string>;
}

/** What a browser's form POST sends: every field, then `file`. Returns S3's status. */
export async function postToStorage(post: Presigned, bytes: Buffer, filename: string, contentType: string): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(post.fields)) form.append(name, value);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), filename);
  const res = await fetch(post.url, { method: 'POST', body: form });
  await res.arrayBuffer();
  return res.status;
}

/** The local S3 as the test sees it (directly, not through the web server). */
export function localS3(): S3Client {
  return new S3Client({
    region: 'cn-northwest-1',
    endpoint: process.env.TEST_S3_ENDPOINT,
    forcePathStyle: true,
    credentials: LOCAL_S3_CREDENTIALS,
  });
}

export async function objectExists(s3: S3Client, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: process.env.TEST_UPLOADS_BUCKET, Key: key }));
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}

export async function storedUpload(doc: DynamoDBDocumentClient, table: string, id: string) {
  const { Item } = await doc.send(new GetCommand({ TableName: table, Key: uploadKeys.item(id), ConsistentRead: true }));
  return Item;
}

/** Every item an author has written, as stored (their GSI3 partition). */
export async function storedFeedsOf(doc: DynamoDBDocumentClient, table: string, userId: string) {
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: table,
      IndexName: INDEX.GSI3,
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': feedKeys.author(userId) },
    }),
  );
  return Items;
}
