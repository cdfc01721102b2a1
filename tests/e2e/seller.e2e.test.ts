/**
 * @jest-environment node
 *
 * 我卖的农产品 (issue 13) on the H5 build in Chromium, against the real stack: the officer of 土桥村
 * registers a cooperative, lists produce for it and issues its one-time link code (through the API); a
 * buyer orders 3 and pays through the local stub (its SIGNED notification marks the order paid). The
 * cooperative's contact signs in, enters the code on 我的, lands on the seller page and sees the
 * listing with its stock and what sold, the paid order and the earnings; 我的 then shows the way in.
 *
 * Selectors: 我的 #me-seller-code input, #me-seller-link, #me-seller-<sellerId>, #me-seller-open;
 * seller page #seller-<sellerId>-earnings, #seller-<sellerId>-sales, #seller-listing-<id>-stock.
 * Screenshots: .tmp/e2e/seller-*.png.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, stackApi, text, waitForText } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex').replace(/\d/g, 'x');
const COOP = `青稞合作社${tag}`;

let webUrl: string;
const phone = phonesForSuite();
let sellerId: string;
let listingId: string;
let code: string;

const { api, login } = stackApi(() => webUrl);

/** POST /orders needs its Idempotency-Key (stackApi sends none). */
async function placeOrder(token: string, body: unknown): Promise<{ id: string; totalFen: number }> {
  const response = await fetch(`${webUrl}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  });
  if (response.status !== 201) throw new Error(`POST /orders: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string; totalFen: number };
}

beforeAll(async () => {
  webUrl = requireStack();
  const officer = await login('officer-tuqiao');
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  sellerId = (
    await api<{ id: string }>(`/stations/${station.id}/sellers`, {
      method: 'POST',
      token: officer,
      body: { kind: 'cooperative', name: COOP, consent: true },
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
        unit: 'dai',
        priceFen: 5_000,
        stock: 20,
        delivery: { pickup: true, shipping: null },
      },
    })
  ).id;
  const buyer = await login(freshOpenid('e2e-seller-buyer'));
  const order = await placeOrder(buyer, { items: [{ listingId, quantity: 3 }], delivery: { mode: 'pickup' } });
  await api(`/orders/${order.id}/pay`, { method: 'POST', token: buyer });
  const paid = await api<{ status: string }>(`/dev/wechatpay/orders/${order.id}/confirm`, { method: 'POST', token: buyer });
  expect(paid.status).toBe('PAID');
  code = (await api<{ code: string }>(`/sellers/${sellerId}/link-code`, { method: 'POST', token: officer })).code;
});

describe('a cooperative’s contact sees its listings, sales and earnings', () => {
  it('enters the officer’s code on 我的, lands on 我卖的农产品 with the paid sale, and finds it on 我的 afterwards', async () => {
    const page = await phone();
    await signInAs(page, webUrl, freshOpenid('e2e-coop-contact'));
    await page.waitForSelector('#me-seller-code');
    await page.locator('#me-seller-code input').fill(code);
    await click(page, 'me-seller-link');

    await waitForText(page, `#seller-${sellerId}-earnings`, '收入 ¥150.00');
    expect(await text(page, `#seller-${sellerId}-sales`)).toBe('已支付订单 1 笔，共卖出 3 件');
    expect(await text(page, `#seller-listing-${listingId}-stock`)).toBe('库存 17袋 · 已卖出 3袋（¥150.00）');
    expect(await text(page, `#seller-listing-${listingId}-status`)).toBe('在售');
    await shoot(page, 'seller-page.png');

    await openRoute(page, webUrl, 'packages/me/pages/index/index');
    await waitForText(page, `#me-seller-${sellerId}`, `${COOP}：收入 ¥150.00`);
    await shoot(page, 'seller-me.png');
  });
});
