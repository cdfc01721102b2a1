/**
 * @jest-environment node
 *
 * The expert writes an information item with an image on the H5 build in Chromium, against the real
 * stack (API, DynamoDB Local, local S3 behind the web server's /s3): the demo expert `expert-ledu`
 * signs in, the form refuses an empty title, they fill it in, target a township of 乐都区, add a
 * real PNG through the H5 image chooser (compressed and thumbnailed in the page, uploaded with
 * presigned POSTs), and submit it for review. The stored item has the image, its objects are in the
 * local S3, and the thumbnail is served through the web server.
 *
 * Selectors: #compose-title input, #compose-body textarea, #compose-category-<key>, #compose-region-name,
 * #compose-region-children .chip, #compose-images-add, #compose-images-item-<n>, #compose-submit,
 * #compose-save, #compose-leave, #compose-error, #compose-success.
 * Screenshots: .tmp/e2e/compose-*.png
 */
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { feedKeys, INDEX } from '../../functions/data/keys';
import { demoUserId } from '../../scripts/lib/demo-accounts';
import { localClients } from '../../scripts/lib/local-clients';
import { localS3, objectExists } from '../harness/uploads';
import { click, openRoute, phonesForSuite, requireStack, shoot, signInAs } from './support';

const EDIT = 'packages/publish/pages/edit/index';
const phone = phonesForSuite();

async function storedItemsOfExpert() {
  const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: process.env.TEST_SEEDED_TABLE!,
      IndexName: INDEX.GSI3,
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': feedKeys.author(demoUserId('expert-ledu')) },
    }),
  );
  return Items;
}

describe('H5: the expert writes an item with an image and submits it', () => {
  it('expert-ledu: validation, a township target, a real PNG uploaded, submitted; the stored item has the image', async () => {
    const webUrl = requireStack();
    const page = await phone();
    await signInAs(page, webUrl, 'expert-ledu');
    await openRoute(page, webUrl, EDIT);
    await page.waitForSelector('#compose-title input');

    // Nothing typed: the form says what is missing and sends nothing.
    await click(page, 'compose-submit');
    await page.locator('#compose-error', { hasText: '有几处需要修改' }).waitFor();
    await page.getByText('请填写标题。').waitFor();

    const title = `倒春寒防冻提醒 ${Date.now()}`;
    await page.locator('#compose-title input').fill(title);
    await page.locator('#compose-body textarea').fill('今晚气温降至零下，请给小麦和蚕豆覆膜防冻。');
    await page.locator('#compose-category-weather_alert').click();
    await page.locator('#compose-requires-ack').click();
    await page.locator('#compose-region-name', { hasText: '乐都区' }).waitFor();
    // One level down: the first township of 乐都区.
    const township = page.locator('#compose-region-children .chip').first();
    const townshipName = (await township.innerText()).trim();
    await township.click();
    await page.locator('#compose-region-name', { hasText: townshipName }).waitFor();

    // Leaving with unsaved text asks first; cancelling stays on the page.
    await page.locator('#compose-leave').click();
    await page.getByText('写的内容还没保存，确定离开吗？').waitFor();
    await page.getByText('取消', { exact: true }).click();
    await page.waitForSelector('#compose-title input');

    // A real PNG through the H5 chooser (Taro's <input type=file>).
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#compose-images-add').click()]);
    await chooser.setFiles(join(__dirname, '..', 'fixtures', 'field.png'));
    await page.waitForSelector('#compose-images-item-0.image-picker__item--done', { timeout: 30_000 });
    // The preview is the compressed thumbnail, decoded by the browser.
    expect(await page.locator('#compose-images-item-0 img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    await shoot(page, 'compose-filled.png');

    await click(page, 'compose-submit');
    await page.locator('#compose-success', { hasText: '已提交审核' }).waitFor({ timeout: 30_000 });
    await shoot(page, 'compose-submitted.png');

    const stored = (await storedItemsOfExpert()).find((item) => item.title === title);
    expect(stored).toMatchObject({
      status: 'IN_REVIEW',
      category: 'weather_alert',
      requiresAck: true,
      urgent: false,
      regionCode: expect.stringMatching(/^630202\d{3}$/),
    });
    // The 640x480 PNG went up as a JPEG of the same size (under 1280 px), with a 320 px thumbnail.
    expect(stored!.images).toEqual([
      {
        uploadId: expect.stringMatching(/^up/),
        key: expect.stringMatching(/^feed-images\/up\w+\.jpg$/),
        thumbnailKey: expect.stringMatching(/^feed-images\/up\w+\.thumb\.jpg$/),
        contentType: 'image/jpeg',
        width: 640,
        height: 480,
      },
    ]);
    const s3 = localS3();
    try {
      expect(await objectExists(s3, stored!.images[0].key)).toBe(true);
    } finally {
      s3.destroy();
    }
    const thumbnail = await fetch(`${webUrl}/s3/${process.env.TEST_UPLOADS_BUCKET}/${stored!.images[0].thumbnailKey}`);
    expect(thumbnail.status).toBe(200);
    const bytes = Buffer.from(await thumbnail.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
  });
});
