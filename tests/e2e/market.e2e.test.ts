/**
 * @jest-environment node
 *
 * The marketplace's buyer side (issue 13) on the H5 build in Chromium, against the real stack: the
 * officer of 土桥村 registers a cooperative and lists produce through the API; a fresh user searches for
 * it, opens it, adds 2 to the cart, adds a delivery address, places the order (the stock falls by 2,
 * read back through GET /listings/{id}), pays through the local stub's sheet (the stub's SIGNED
 * notification marks it paid, not the page) and sees 已支付, also in 我的订单.
 *
 * Selectors (ids set in miniprogram/src/packages/market):
 *   browse   #market-search input, #market-listing-<id>, #market-listing-<id>-price
 *   listing  #listing-title, #listing-price, #listing-origin, #listing-quantity-plus, #listing-buy
 *   cart     #cart-<sellerId>-shipping, #address-<field> input, #address-save, #cart-address-<id>,
 *            #cart-<sellerId>-subtotal, #cart-<sellerId>-order
 *   order    #order-<id>-status, #order-<id>-total, #order-pay, #order-stub-confirm
 * Screenshots: .tmp/e2e/market-*.png.
 */
import { randomBytes } from 'node:crypto';
import { click, freshOpenid, openRoute, phonesForSuite, requireStack, shoot, signInAs, text, waitForText, stackApi } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex').replace(/\d/g, 'x');
const TITLE = `牦牛肉干${tag}`;

let webUrl: string;
const phone = phonesForSuite();
let sellerId: string;
let listingId: string;

const { api, login } = stackApi(() => webUrl);

beforeAll(async () => {
  webUrl = requireStack();
  const officer = await login('officer-tuqiao');
  const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
  sellerId = (
    await api<{ id: string }>(`/stations/${station.id}/sellers`, {
      method: 'POST',
      token: officer,
      body: { kind: 'cooperative', name: `土桥合作社${tag}`, consent: true },
    })
  ).id;
  const listing = await api<{ id: string }>('/listings', {
    method: 'POST',
    token: officer,
    body: {
      sellerId,
      title: TITLE,
      category: 'yak_meat',
      unit: 'jin',
      priceFen: 8_800,
      stock: 10,
      description: '高原放养牦牛，风干',
      delivery: { pickup: true, shipping: { feeFen: 1_200 } },
    },
  });
  listingId = listing.id;
});

describe('a buyer orders produce and pays through the stub', () => {
  it('searches, adds to the cart, adds an address, orders (stock held), pays and sees 已支付', async () => {
    const page = await phone();
    await signInAs(page, webUrl, freshOpenid('e2e-buyer'));

    await openRoute(page, webUrl, 'packages/market/pages/index/index');
    await page.locator('#market-search input').fill(TITLE);
    await page.waitForSelector(`#market-listing-${listingId}`);
    expect(await text(page, `#market-listing-${listingId}-price`)).toBe('¥88.00/斤');
    await shoot(page, 'market-browse.png');
    await page.locator(`#market-listing-${listingId}`).click();

    await waitForText(page, '#listing-title', TITLE);
    expect(await text(page, '#listing-origin')).toContain('土桥村');
    await page.locator('#listing-quantity-plus').click();
    expect(await text(page, '#listing-quantity-value')).toBe('2');
    await click(page, 'listing-buy');

    await page.waitForSelector(`#cart-${sellerId}`);
    expect(await text(page, `#cart-${sellerId}-subtotal`)).toContain('¥176.00');
    await page.locator(`#cart-${sellerId}-shipping`).click();
    await page.locator('#address-name input').fill('卓玛');
    await page.locator('#address-phone input').fill('13900001111');
    await page.locator('#address-city input').fill('西宁市');
    await page.locator('#address-county input').fill('城西区');
    await page.locator('#address-detail input').fill('五四西路 1 号');
    await click(page, 'address-save');
    await page.waitForSelector('[id^="cart-address-ad"]');
    await shoot(page, 'market-cart.png');
    await click(page, `cart-${sellerId}-order`);

    await page.waitForSelector('#order-pay');
    const orderId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    expect(await text(page, `#order-${orderId}-status`)).toBe('待支付');
    // The server's amounts: 2 × ¥88.00 + ¥12.00 shipping.
    expect(await text(page, `#order-${orderId}-total`)).toBe('合计 ¥188.00');
    expect((await api<{ stock: number }>(`/listings/${listingId}`)).stock).toBe(8);

    await click(page, 'order-pay');
    await click(page, 'order-stub-confirm');
    await waitForText(page, `#order-${orderId}-status`, '已支付');
    await shoot(page, 'market-paid.png');

    await openRoute(page, webUrl, 'packages/market/pages/orders/index');
    await waitForText(page, `#order-${orderId}-status`, '已支付');
  });
});
