/**
 * Uploads through the real HTTP path: the API behind serverless-offline hands out presigned POSTs,
 * the test POSTs the files to the local S3 (s3rver) as a client does, then names the upload on an
 * item. s3rver does not enforce the POST policy (shown below), so the API's check of each object by
 * content and real size is what refuses a 20 MB file or a renamed executable; nothing is written then.
 */
import { localClients } from '../../scripts/lib/local-clients';
import { createUser } from '../harness/users';
import { feedBody } from '../harness/feeds';
import {
  ELF_AS_JPEG,
  fixture,
  localS3,
  MZ_AS_JPEG,
  objectExists,
  postToStorage,
  storedFeedsOf,
  storedUpload,
  type Presigned,
} from '../harness/uploads';

const api = () => {
  const url = process.env.TEST_API_URL;
  if (!url) throw new Error('TEST_API_URL is not set: run with YINONG_TEST_STACK=full');
  return url;
};

type User = Awaited<ReturnType<typeof createUser>>;
type UploadAnswer = { id: string; image: Presigned; thumbnail: Presigned };

const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
const table = process.env.TEST_SEEDED_TABLE!;
const s3 = localS3();
let expert: User;
let otherExpert: User;
let villager: User;

async function call(method: string, path: string, who: User | null, body?: unknown) {
  const res = await fetch(`${api()}${path}`, {
    method,
    headers: { ...(who ? who.auth : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function askUpload(who: User, size: number, thumbnailSize: number, contentType = 'image/jpeg') {
  return call('POST', '/uploads', who, { purpose: 'feed_image', contentType, size, thumbnailSize });
}

/** Asks for an upload and stores the two files; returns the upload and S3's statuses. */
async function upload(who: User, image: Buffer, thumbnail: Buffer, contentType = 'image/jpeg', filename = 'photo.jpg') {
  const asked = await askUpload(who, Math.min(image.length, 5 * 1024 * 1024), Math.min(thumbnail.length, 300 * 1024), contentType);
  expect(asked.status).toBe(201);
  const answer = asked.json as UploadAnswer;
  const imageStatus = await postToStorage(answer.image, image, filename, contentType);
  const thumbnailStatus = await postToStorage(answer.thumbnail, thumbnail, `thumb-${filename}`, contentType);
  return { answer, imageStatus, thumbnailStatus };
}

const LEDU = '630202';

beforeAll(async () => {
  expert = await createUser(doc, table, { role: 'expert', regionCode: LEDU });
  otherExpert = await createUser(doc, table, { role: 'expert', regionCode: LEDU });
  villager = await createUser(doc, table, { role: 'villager' });
});

afterAll(() => s3.destroy());

describe('POST /uploads', () => {
  it('answers presigned POSTs for the image and its thumbnail, bound to their keys, the type and the size limit', async () => {
    const res = await askUpload(expert, 120_000, 20_000);
    expect(res.status).toBe(201);
    const { image, thumbnail, id } = res.json as UploadAnswer;
    expect(id).toMatch(/^up[0-9a-f]{24}$/);
    for (const post of [image, thumbnail]) {
      expect(post.fields['Content-Type']).toBe('image/jpeg');
      const policy = JSON.parse(Buffer.from(post.fields.Policy, 'base64').toString());
      expect(policy.conditions).toEqual(
        expect.arrayContaining([
          ['eq', '$Content-Type', 'image/jpeg'],
          ['eq', '$key', post.fields.key],
          expect.arrayContaining(['content-length-range', 1]),
        ]),
      );
    }
    expect(image.fields.key).toMatch(/^feed-images\/up[0-9a-f]{24}\.jpg$/);
    expect(thumbnail.fields.key).toMatch(/^feed-images\/up[0-9a-f]{24}\.thumb\.jpg$/);
  });

  it('refuses a declared 20 MB image with 413, and other types, and villagers', async () => {
    const tooLarge = await askUpload(expert, 20 * 1024 * 1024, 20_000);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.json.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: [{ path: 'body.size', message: expect.stringMatching(/20\.0 MB.*5\.0 MB/) }],
    });
    const exe = await call('POST', '/uploads', expert, {
      purpose: 'feed_image',
      contentType: 'application/x-msdownload',
      size: 1000,
      thumbnailSize: 100,
    });
    expect(exe.status).toBe(400);
    expect((await askUpload(villager, 1000, 100)).status).toBe(403);
    expect((await call('POST', '/uploads', null, { purpose: 'feed_image', contentType: 'image/png', size: 1, thumbnailSize: 1 })).status).toBe(401);
  });
});

describe('images on items, checked by content when an item names them', () => {
  it('a real JPEG and its thumbnail: stored on the item with keys and size in pixels, served to readers', async () => {
    const image = fixture('field.jpg');
    const { answer, imageStatus, thumbnailStatus } = await upload(expert, image, fixture('field-thumb.jpg'));
    expect([200, 201, 204]).toContain(imageStatus);
    expect([200, 201, 204]).toContain(thumbnailStatus);
    const created = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [answer.id] }));
    expect(created.status).toBe(201);
    expect(created.json.images).toEqual([{ id: answer.id, url: expect.any(String), thumbnailUrl: expect.any(String), width: 400, height: 300 }]);
    expect(created.json.thumbnailUrl).toBe(created.json.images[0].thumbnailUrl);
    const [stored] = (await storedFeedsOf(doc, table, expert.user.id)).filter((f) => f.id === created.json.id);
    expect(stored.images).toEqual([
      {
        uploadId: answer.id,
        key: answer.image.fields.key,
        thumbnailKey: answer.thumbnail.fields.key,
        contentType: 'image/jpeg',
        width: 400,
        height: 300,
      },
    ]);
    expect(await storedUpload(doc, table, answer.id)).toMatchObject({ status: 'ATTACHED', feedId: created.json.id });
    // The URLs handed out serve the very bytes uploaded.
    const served = await fetch(created.json.images[0].url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(image)).toBe(true);
    const thumb = await fetch(created.json.thumbnailUrl);
    expect(thumb.status).toBe(200);
    expect(Buffer.from(await thumb.arrayBuffer()).equals(fixture('field-thumb.jpg'))).toBe(true);
  });

  it('a real PNG is accepted with its size read from its header', async () => {
    const { answer } = await upload(expert, fixture('field.png'), fixture('field-thumb.png'), 'image/png', 'photo.png');
    const created = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [answer.id] }));
    expect(created.status).toBe(201);
    expect(created.json.images).toEqual([expect.objectContaining({ id: answer.id, width: 640, height: 480 })]);
  });

  it('a thumbnail that is not the declared type (a WebP sent as PNG) is refused, and one over 300 KB is 413', async () => {
    const mismatched = await upload(expert, fixture('field.png'), fixture('field.webp'), 'image/png', 'photo.png');
    const refused = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [mismatched.answer.id] }));
    expect(refused.status).toBe(422);
    expect(refused.json.error.details[0].message).toMatch(/thumbnail is a image\/webp, not the image\/png declared/);
    const oversized = await upload(expert, fixture('field.png'), fixture('field.png'), 'image/png', 'photo.png');
    expect((await call('POST', '/feeds', expert, feedBody(LEDU, { images: [oversized.answer.id] }))).status).toBe(413);
    expect(await objectExists(s3, oversized.answer.image.fields.key)).toBe(false);
  });

  it('s3rver stores a 20 MB file the policy forbids; naming it on an item is 413, the objects are deleted, nothing is written', async () => {
    const before = (await storedFeedsOf(doc, table, expert.user.id)).length;
    const big = Buffer.concat([fixture('field.jpg'), Buffer.alloc(20 * 1024 * 1024)]);
    const { answer, imageStatus } = await upload(expert, big, fixture('field-thumb.jpg'));
    // Real S3 would refuse this POST (content-length-range); s3rver does not enforce the policy:
    expect([200, 201, 204]).toContain(imageStatus);
    expect(await objectExists(s3, answer.image.fields.key)).toBe(true);
    const created = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [answer.id] }));
    expect(created.status).toBe(413);
    expect(created.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: [expect.objectContaining({ path: 'body.images.0' })] });
    expect((await storedFeedsOf(doc, table, expert.user.id)).length).toBe(before);
    expect(await objectExists(s3, answer.image.fields.key)).toBe(false);
    expect(await objectExists(s3, answer.thumbnail.fields.key)).toBe(false);
    expect(await storedUpload(doc, table, answer.id)).toBeUndefined();
  });

  it.each([
    ['an ELF executable', ELF_AS_JPEG],
    ['a Windows (MZ) executable', MZ_AS_JPEG],
  ])('%s renamed photo.jpg and sent as image/jpeg is stored by s3rver, then refused by content (422) and deleted', async (_name, bytes) => {
    const before = (await storedFeedsOf(doc, table, expert.user.id)).length;
    const { answer, imageStatus } = await upload(expert, bytes, fixture('field-thumb.jpg'));
    expect([200, 201, 204]).toContain(imageStatus);
    const created = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [answer.id] }));
    expect(created.status).toBe(422);
    expect(created.json.error).toMatchObject({ code: 'INVALID_IMAGE', details: [{ message: expect.stringMatching(/not a JPEG, PNG or WebP/) }] });
    expect((await storedFeedsOf(doc, table, expert.user.id)).length).toBe(before);
    expect(await objectExists(s3, answer.image.fields.key)).toBe(false);
    expect(await objectExists(s3, answer.thumbnail.fields.key)).toBe(false);
  });

  it('an upload never stored, someone else’s upload, or one already on an item is 422', async () => {
    const asked = (await askUpload(expert, 4000, 3000)).json as UploadAnswer;
    expect((await call('POST', '/feeds', expert, feedBody(LEDU, { images: [asked.id] }))).status).toBe(422);
    const { answer } = await upload(otherExpert, fixture('field.jpg'), fixture('field-thumb.jpg'));
    expect((await call('POST', '/feeds', expert, feedBody(LEDU, { images: [answer.id] }))).status).toBe(422);
    expect((await call('POST', '/feeds', otherExpert, feedBody(LEDU, { images: [answer.id] }))).status).toBe(201);
    expect((await call('POST', '/feeds', otherExpert, feedBody(LEDU, { images: [answer.id] }))).status).toBe(422);
    expect((await call('POST', '/feeds', expert, feedBody(LEDU, { images: ['up000', 'up000'] }))).status).toBe(400);
  });
});

describe('PUT /feeds/{id}', () => {
  it('its author rewrites a draft (text, images in a new order), recorded in its history; dropped images are deleted', async () => {
    const first = await upload(expert, fixture('field.jpg'), fixture('field-thumb.jpg'));
    const second = await upload(expert, fixture('field.webp'), fixture('field.webp'), 'image/webp', 'p.webp');
    const created = await call('POST', '/feeds', expert, feedBody(LEDU, { images: [first.answer.id] }));
    const id = created.json.id as string;
    const edited = await call('PUT', `/feeds/${id}`, expert, feedBody(LEDU, { title: '改过的标题', images: [second.answer.id] }));
    expect(edited.status).toBe(200);
    expect(edited.json).toMatchObject({ title: '改过的标题', status: 'DRAFT', images: [{ id: second.answer.id, width: 200, height: 150 }] });
    expect(edited.json.history).toEqual([
      expect.objectContaining({ status: 'DRAFT' }),
      expect.objectContaining({ status: 'DRAFT', edited: true, by: expect.objectContaining({ role: 'expert', you: true }) }),
    ]);
    const [stored] = (await storedFeedsOf(doc, table, expert.user.id)).filter((f) => f.id === id);
    expect(stored.title).toBe('改过的标题');
    expect(stored.images.map((i: { uploadId: string }) => i.uploadId)).toEqual([second.answer.id]);
    expect(await objectExists(s3, first.answer.image.fields.key)).toBe(false);
    // In review, it is no longer editable; someone else never sees it.
    expect((await call('POST', `/feeds/${id}/submit`, expert)).status).toBe(200);
    expect((await call('PUT', `/feeds/${id}`, expert, feedBody(LEDU))).status).toBe(409);
    expect((await call('PUT', `/feeds/${id}`, otherExpert, feedBody(LEDU))).status).toBe(404);
    const [after] = (await storedFeedsOf(doc, table, expert.user.id)).filter((f) => f.id === id);
    expect(after.history).toHaveLength(3);
  });
});
