/**
 * @jest-environment node
 *
 * An unpaid order's stock comes back (issue 13), on the H5 build in Chromium against the real stack:
 * an order left unpaid past its 15-minute hold is released when its buyer opens it, and a buyer's
 * 取消订单 (confirmed in the modal) cancels it; either way the listing's stock returns, read back
 * through GET /listings/{id}. The hold's end is moved into the past in DynamoDB Local, as 15 minutes
 * passing would: the release itself is the server's (GET /orders/{id} past its hold).
 *
 * Selectors (ids set in miniprogram/src/packages/market/pages/order):
 *   #order-<id>-status, #order-hold, #order-cancel; the H5 modal's .taro-model__confirm
 * Screenshots: .tmp/e2e/market-hold-*.png.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { orderKeys } from '../../functions/data/keys';
import { localClients } from '../../scripts/lib/local-clients';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, waitForText } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex').replace(/\d/g, 'x');
const STOCK = 6;

let webUrl: string;
const phone = phonesForSuite();
let listingId: string;

const { api, login } = stackApi(() => webUrl);

beforeAll(async () => {
  webUrl = requireStack();
  const officer = await login('officer-tuqiao');
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  const sellerId = (
    await api<{ id: string }>(`/stations/${station.id}/sellers`, {
      method: 'POST',
      token: officer,
      body: { kind: 'cooperative', name: `土桥青稞合作社${tag}`, consent: true },
    })
  ).id;
  listingId = (
    await api<{ id: string }>('/listings', {
      method: 'POST',
      token: officer,
      body: {
        sellerId,
        title: `黑青稞${tag}`,
        category: 'highland_barley',
        unit: 'jin',
        priceFen: 600,
        stock: STOCK,
        description: '高原黑青稞',
        delivery: { pickup: true, shipping: null },
      },
    })
  ).id;
});

const stock = async () => (await api<{ stock: number }>(`/listings/${listingId}`)).stock;

/** The buyer (signed in in the page with the same dev openid) orders `quantity` through the API: pickup, unpaid. */
async function placeOrder(openid: string, quantity: number): Promise<string> {
  const token = await login(openid);
  const response = await fetch(`${webUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify({ items: [{ listingId, quantity }], delivery: { mode: 'pickup' } }),
  });
  const json = (await response.json()) as { id: string; status: string };
  expect([response.status, json.status]).toEqual([201, 'PENDING_PAYMENT']);
  return json.id;
}

/** 15 minutes pass for this order: its hold ends a second ago (the stored end and the holds-due index). */
async function passHold(orderId: string) {
  const { doc } = localClients(process.env.TEST_DYNAMODB_ENDPOINT!);
  const past = new Date(Date.now() - 1000).toISOString();
  const index = orderKeys.holdIndex(orderId, past);
  await doc.send(
    new UpdateCommand({
      TableName: process.env.TEST_SEEDED_TABLE!,
      Key: orderKeys.item(orderId),
      UpdateExpression: 'SET holdUntil = :past, GSI3SK = :sk',
      ConditionExpression: '#status = :pending',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':past': past, ':sk': index.GSI3SK, ':pending': 'PENDING_PAYMENT' },
    }),
  );
}

describe('an unpaid order gives its stock back', () => {
  it('past its 15-minute hold, the order reads 已超时关闭 and the listing has its stock again', async () => {
    const openid = freshOpenid('e2e-hold');
    const page = await phone();
    await signInAs(page, webUrl, openid);
    const before = await stock();
    const orderId = await placeOrder(openid, 2);
    expect(await stock()).toBe(before - 2);

    await openRoute(page, webUrl, `packages/market/pages/order/index?id=${orderId}`);
    await waitForText(page, `#order-${orderId}-status`, '待支付');
    expect(await page.locator('#order-hold').innerText()).not.toBe('');

    await passHold(orderId);
    await page.reload();
    await waitForText(page, `#order-${orderId}-status`, '已超时关闭');
    await shoot(page, 'market-hold-expired.png');
    expect(await page.locator('#order-pay').count()).toBe(0);
    expect(await stock()).toBe(before);
  });

  it('取消订单, confirmed, cancels it and the stock returns once', async () => {
    const openid = freshOpenid('e2e-cancel');
    const page = await phone();
    await signInAs(page, webUrl, openid);
    const before = await stock();
    const orderId = await placeOrder(openid, 3);
    expect(await stock()).toBe(before - 3);

    await openRoute(page, webUrl, `packages/market/pages/order/index?id=${orderId}`);
    await waitForText(page, `#order-${orderId}-status`, '待支付');
    await click(page, 'order-cancel');
    await page.locator('.taro-model__confirm').click();
    await waitForText(page, `#order-${orderId}-status`, '已取消');
    await shoot(page, 'market-hold-cancelled.png');
    expect(await stock()).toBe(before);
    // Opened again later, it stays cancelled and the stock is not returned twice.
    await page.reload();
    await waitForText(page, `#order-${orderId}-status`, '已取消');
    expect(await stock()).toBe(before);
  });
});
