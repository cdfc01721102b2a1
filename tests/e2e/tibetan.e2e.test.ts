/**
 * @jest-environment node
 *
 * Tibetan (བོད་ཡིག) on the H5 build in Chromium: the language chosen in 我的 holds for every page after
 * it (stored on the device), the Tibetan web font (Noto Serif Tibetan) is what draws it, and long Tibetan
 * labels stay within a 375 px screen at 1x and 1.5x text. Screenshots at 1x device pixels are kept in
 * .tmp/screenshots/bo/ (docs/screenshots/bo/ under `npm run screenshots`; looked at for stacking and layout).
 *
 * Selectors: #me-language (panel), #me-language-bo, #me-language-zh-CN (buttons), #station-details,
 * #station-name, #service-information, #station-about-link, #station-about, #feed,
 * #officer-home, #home-browse-link, #browse-page; the navigation bar's title is document.title (and
 * Taro's H5 bar, .taro-navigation-bar-title, where it shows one).
 */
import type { Page } from 'playwright-core';
import { boMessages } from '../../miniprogram/src/i18n/messages/bo';
import { boStationMessages } from '../../miniprogram/src/i18n/messages/bo.station';
import { boFindMessages } from '../../miniprogram/src/i18n/messages/bo.find';
import { boMeMessages } from '../../miniprogram/src/i18n/messages/bo.me';
import { findMessages } from '../../miniprogram/src/i18n/messages/zh-CN.find';
import { messages as zhMessages } from '../../miniprogram/src/i18n/messages/zh-CN';
import {
  click,
  expectWithin,
  horizontalExtent,
  keepScreenshot,
  openRoute,
  phonesForSuite,
  requireStack,
  scaleRootFont,
  shoot,
  signInAs,
  targetForSuite,
  text,
} from './support';

const ME = 'packages/me/pages/index/index';
const TIBETAN = /[\u0F00-\u0FFF]/;

const target = targetForSuite();
const phone = phonesForSuite();

/** The page's navigation-bar title becomes `title` (document.title, and the H5 bar's text when there is one). */
async function expectNavTitle(page: Page, title: string) {
  await page
    .waitForFunction(
      (expected) => {
        const bar = document.querySelector('.taro-navigation-bar-title');
        return document.title === expected && (!bar || bar.textContent === expected);
      },
      title,
      { timeout: 5_000 },
    )
    .catch(async () => {
      throw new Error(`navigation-bar title: expected ${title}, got ${await page.title()}`);
    });
}

/** 1x device pixels: the screenshots show the glyphs as a low-end phone's screen would. */
const phone1x = () => phone({ deviceScaleFactor: 1 });

async function chooseTibetan(page: Page) {
  await openRoute(page, target.webUrl, ME);
  await page.waitForSelector('#me-language');
  await click(page, 'me-language-bo');
  // 我的 relaunches in Tibetan: its own panel title and the chosen button.
  await page.locator('#me-language', { hasText: 'སྐད་ཡིག' }).waitFor();
}

/** Within the screen at 1x and at 1.5x text; a screenshot of each, kept in screenshots/bo/. */
async function expectTidyInTibetan(page: Page, name: string) {
  expectWithin(await horizontalExtent(page, { skipInsideScrollers: true }));
  await shoot(page, `bo-${name}.png`);
  keepScreenshot(`bo-${name}.png`, 'bo', `${name}.png`);
  const { after } = await scaleRootFont(page, 1.5);
  expectWithin(await horizontalExtent(page, { skipInsideScrollers: true }));
  await shoot(page, `bo-${name}-1.5x.png`, after);
  keepScreenshot(`bo-${name}-1.5x.png`, 'bo', `${name}-1.5x.png`);
}

/** The Tibetan face is loaded and is the first family Chromium uses for Tibetan letters. */
async function tibetanFontInUse(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('16px "Noto Serif Tibetan"', 'བོད');
    const faces: FontFace[] = [];
    document.fonts.forEach((face) => faces.push(face));
    const loaded = faces.some((face) => face.family.replace(/"/g, '') === 'Noto Serif Tibetan' && face.status === 'loaded');
    return loaded && getComputedStyle(document.body).fontFamily.startsWith('"Noto Serif Tibetan"');
  });
}

describe('H5 in Tibetan', () => {
  it('switches to Tibetan in 我的; the station page and its details follow, drawn with the Tibetan font, within the screen; 中文 switches back', async () => {
    const page = await phone1x();
    await chooseTibetan(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('bo');
    await expectTidyInTibetan(page, 'me');

    await openRoute(page, target.webUrl, `pages/station/index?scene=${encodeURIComponent(target.station.code)}`);
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe(`${target.station.villageName} ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་།`);
    expect(await text(page, '#service-information')).toContain(boMessages['service.information.name']);
    expect(TIBETAN.test(await text(page, '#station-about-link'))).toBe(true);
    expect(await tibetanFontInUse(page)).toBe(true);
    await expectTidyInTibetan(page, 'station');

    await openRoute(page, target.webUrl, `pages/station/index?scene=${encodeURIComponent(target.station.code)}`);
    await page.locator('#station-about-link').click();
    await page.waitForSelector('#station-about');
    await page.locator('#station-about', { hasText: boStationMessages['station.hoursTitle'] }).waitFor();
    await expectTidyInTibetan(page, 'station-about');

    await openRoute(page, target.webUrl, ME);
    await click(page, 'me-language-zh-CN');
    await page.locator('#me-language', { hasText: '语言' }).waitFor();
    await openRoute(page, target.webUrl, `pages/station/index?scene=${encodeURIComponent(target.station.code)}`);
    await page.waitForSelector('#station-details');
    expect(await text(page, '#station-name')).toBe(`${target.station.villageName}益农信息社`);
  });

  it('the feed and the officer workbench in Tibetan stay within the screen', async () => {
    const webUrl = requireStack();
    const page = await phone1x();
    await signInAs(page, webUrl, 'officer-tuqiao');
    await chooseTibetan(page);

    const { villageCode, villageName } = target.station;
    await openRoute(page, webUrl, `packages/feed/pages/index/index?region=${villageCode}&name=${encodeURIComponent(villageName)}`);
    await page.waitForSelector('#feed');
    await expectTidyInTibetan(page, 'feed');

    await openRoute(page, webUrl, 'packages/officer/pages/index/index');
    await page.waitForSelector('#officer-home');
    await expectTidyInTibetan(page, 'officer');
  });

  it('navigation-bar titles follow the language: Tibetan after switching (main and subpackage pages, after Back too), Chinese again after 中文', async () => {
    const page = await phone1x();
    await chooseTibetan(page);
    await expectNavTitle(page, boMeMessages['me.navTitle']);

    await openRoute(page, target.webUrl, 'pages/index/index');
    await page.waitForSelector('#home-browse-link');
    await expectNavTitle(page, boMessages['app.name']);
    await page.locator('#home-browse-link').click();
    await page.waitForSelector('#browse-page');
    await expectNavTitle(page, boFindMessages['find.navBrowse']);
    await page.goBack();
    await page.waitForSelector('#home-browse-link');
    await expectNavTitle(page, boMessages['app.name']);

    // The station page's title is the station's name, in Tibetan.
    await openRoute(page, target.webUrl, `pages/station/index?scene=${encodeURIComponent(target.station.code)}`);
    await page.waitForSelector('#station-details');
    await expectNavTitle(page, `${target.station.villageName} ཞིང་འབྲོག་ཆ་འཕྲིན་ཁང་།`);

    await openRoute(page, target.webUrl, ME);
    await click(page, 'me-language-zh-CN');
    await page.locator('#me-language', { hasText: '语言' }).waitFor();
    await openRoute(page, target.webUrl, 'pages/index/index');
    await page.waitForSelector('#home-browse-link');
    await expectNavTitle(page, zhMessages['app.name']);
    await page.locator('#home-browse-link').click();
    await page.waitForSelector('#browse-page');
    await expectNavTitle(page, findMessages['find.navBrowse']);
  });

  it('a first visit in a Tibetan browser is Tibetan at once, its navigation-bar title too', async () => {
    const page = await phone({ deviceScaleFactor: 1, locale: 'bo' });
    await openRoute(page, target.webUrl, 'pages/index/index');
    await page.waitForSelector('#home-browse-link');
    expect(await page.evaluate(() => navigator.language)).toBe('bo');
    expect(TIBETAN.test(await text(page, '#home-browse-link'))).toBe(true);
    await expectNavTitle(page, boMessages['app.name']);
  });
});
