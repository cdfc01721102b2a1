/**
 * @jest-environment node
 *
 * 农产品代销 (issue 13), the officer's side, on the H5 build in Chromium against the real stack: the
 * demo officer `officer-tuqiao` (土桥村) opens 卖家与商品 from their home, registers a cooperative
 * with its consent, lists produce for it with a real PNG (through the H5 chooser, uploaded as
 * `listing_photo`), finds it through the public `GET /listings`, then changes its price and sees the
 * change in the listing's history with who and when.
 *
 * Selectors: #officer-sellers-link, #sellers-register, #seller-kind-cooperative, #seller-coop-name input,
 * #seller-consent, #seller-save, #seller-created, #seller-<id>-new, #listing-title input,
 * #listing-category-<id>, #listing-unit-<unit>, #listing-price input, #listing-stock input,
 * #listing-photos-add, #listing-photos-item-<n>, #listing-create, #listing-title-shown,
 * #listing-edit-price input, #listing-edit-save, #listing-edit-saved, #listing-history-<n>.
 * Screenshots: .tmp/e2e/sell-*.png
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { click, openRoute, phonesForSuite, requireStack, shoot, signInAs } from './support';

const TUQIAO = '630202002214';
const tag = randomBytes(3).toString('hex');
const COOP = `青稞合作社${tag}`;
const TITLE = `散养牦牛肉${tag}`;

let webUrl: string;
const phone = phonesForSuite();

async function api<T>(path: string, token?: string): Promise<T> {
  const response = await fetch(`${webUrl}/api${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const json = (await response.json()) as T;
  if (response.status >= 300) throw new Error(`GET ${path}: HTTP ${response.status} ${JSON.stringify(json)}`);
  return json;
}

async function login(openid: string): Promise<string> {
  const response = await fetch(`${webUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: `dev:${openid}` }),
  });
  return ((await response.json()) as { token: string }).token;
}

type Page<T> = { items: T[]; nextCursor: string | null };
type PublicListing = { id: string; title: string; priceFen: number; stock: number; photos: unknown[]; seller: { displayName: string } };

/** Every page of the public browse of a category in a region, as a buyer would (no token). */
async function browse(category: string, region: string): Promise<PublicListing[]> {
  const all: PublicListing[] = [];
  let cursor: string | null = null;
  do {
    const query: string = `/listings?category=${category}&region=${region}&limit=50${cursor ? `&cursor=${cursor}` : ''}`;
    const page: Page<PublicListing> = await api<Page<PublicListing>>(query);
    all.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return all;
}

beforeAll(() => {
  webUrl = requireStack();
});

describe('H5: the officer registers a cooperative and lists its produce', () => {
  it('officer-tuqiao: a cooperative with consent, a listing with a photo found by the public browse, a new price in the history', async () => {
    const page = await phone();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await openRoute(page, webUrl, 'packages/officer/pages/index/index');
    await page.locator('#officer-sellers-link').click();
    await page.waitForSelector('#sellers-register');

    // A cooperative by name; saving without consent is refused on the page.
    await click(page, 'sellers-register');
    await page.locator('#seller-kind-cooperative').click();
    await page.locator('#seller-coop-name input').fill(COOP);
    await click(page, 'seller-save');
    await page.locator('#seller-consent-error').waitFor();
    await page.locator('#seller-consent').click();
    await click(page, 'seller-save');
    await page.locator('#seller-created', { hasText: COOP }).waitFor({ timeout: 30_000 });

    const officer = await login('officer-tuqiao');
    const station = await api<{ id: string }>(`/stations/by-code/${TUQIAO}`);
    const sellers = await api<Page<{ id: string; displayName: string; kind: string }>>(`/stations/${station.id}/sellers?limit=50`, officer);
    const seller = sellers.items.find((s) => s.displayName === COOP);
    expect(seller).toMatchObject({ kind: 'cooperative' });

    // 上架商品 for it: the form, a real PNG through the H5 chooser.
    await click(page, `seller-${seller!.id}-new`);
    await page.waitForSelector('#listing-title input');
    await page.locator('#listing-title input').fill(TITLE);
    await page.locator('#listing-category-yak_meat').click();
    await page.locator('#listing-unit-jin').click();
    await page.locator('#listing-price input').fill('45.5');
    await page.locator('#listing-stock input').fill('20');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#listing-photos-add').click()]);
    await chooser.setFiles(join(__dirname, '..', 'fixtures', 'field.png'));
    await page.waitForSelector('#listing-photos-item-0.image-picker__item--done', { timeout: 30_000 });
    await shoot(page, 'sell-form.png');
    await click(page, 'listing-create');
    await page.locator('#listing-title-shown', { hasText: TITLE }).waitFor({ timeout: 30_000 });
    await page.locator('#listing-history-0', { hasText: '上架：¥45.50/斤，库存 20' }).waitFor();
    // Its stored photo, served through the web server's /s3 and decoded by the browser.
    await page.waitForFunction(() => (document.querySelector('#listing-photos-shown img') as HTMLImageElement | null)?.naturalWidth);

    // Anyone browsing 牦牛肉 in 乐都区 finds it, with its photo, at the price typed in yuan, in fen.
    const listed = (await browse('yak_meat', '630202')).find((l) => l.title === TITLE);
    expect(listed).toMatchObject({ priceFen: 4550, stock: 20, seller: { displayName: COOP } });
    expect(listed!.photos).toHaveLength(1);

    // A new price: saved, and the history names the change, who (you) and when.
    await page.locator('#listing-edit-price input').fill('48');
    await click(page, 'listing-edit-save');
    await page.locator('#listing-edit-saved').waitFor({ timeout: 30_000 });
    const row = page.locator('#listing-history-0', { hasText: '改价：¥45.50/斤 → ¥48.00/斤' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/你 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    await shoot(page, 'sell-edited.png');
    const after = (await browse('yak_meat', '630202')).find((l) => l.title === TITLE);
    expect(after).toMatchObject({ priceFen: 4800 });
  });
});
