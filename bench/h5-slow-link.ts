/**
 * The H5 station page opened cold over an emulated slow link, as a buyer or a relative opens a shared
 * link: Debian's Chromium (playwright-core) with Chromium's own network emulation (400 ms latency,
 * 50,000 B/s down and up), a fresh profile per run, `/#/pages/station/index?scene=<code>`.
 * Prints, per run and as the median: when the station code first shows (something meaningful),
 * when the station name shows (index.html shows it from its early request when that comes first),
 * when the app has rendered the station page itself (#station-details: usable), the bytes
 * transferred and the requests made.
 *
 * Starts its own stack (in-memory DynamoDB Local + Qinghai seed + API + web server, on free ports),
 * building the H5 app first when its sources changed, so it needs no `npm start`.
 *
 *   npx tsx bench/h5-slow-link.ts [--runs 3] [--web-url http://127.0.0.1:10086]
 */
import '../scripts/lib/env';
import { cpus, totalmem } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { buildMiniprogram } from '../scripts/lib/miniprogram-build';
import { withSeededStack } from './lib/stack';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/lib/chromium';

const STATION_CODE = '630202002214';
const LINK = { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const TARGETS = { meaningfulMs: 1_500, nameMs: 3_000, bytes: 150 * 1024 };

const argValue = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const RUNS = Number(argValue('runs') ?? 3);

interface Run {
  /** ms from navigation start until the station code is on screen (skeleton or page). */
  meaningfulMs: number;
  /** ms until the station's name is on screen. */
  nameMs: number;
  /** ms until the app has rendered the station page (#station-details), the page one can use. */
  pageMs: number;
  /** ms until any text is on screen. */
  firstTextMs: number;
  bytesAtName: number;
  requestsAtName: number;
  bytesTotal: number;
  requestsTotal: number;
  encodings: string[];
}

/**
 * Runs in the page before any of its scripts: notes (performance.now(), i.e. since navigation start)
 * when text first shows, when the station code shows and when the station name shows.
 */
function watchScript(code: string, name: string): string {
  return `(() => {
    const marks = (window.__benchMarks = {});
    const check = () => {
      const text = document.body ? document.body.innerText || '' : '';
      const now = performance.now();
      if (marks.firstText === undefined && text.trim() !== '') marks.firstText = now;
      if (marks.code === undefined && text.includes(${JSON.stringify(code)})) marks.code = now;
      if (marks.name === undefined && text.includes(${JSON.stringify(name)})) marks.name = now;
      if (marks.page === undefined && document.getElementById('station-details')) marks.page = now;
      return marks.name !== undefined && marks.page !== undefined;
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function measureOnce(browser: Browser, url: string, name: string): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.addInitScript(watchScript(STATION_CODE, name));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, ...LINK });

  const requests = new Map<string, { url: string; bytes: number; encoding?: string }>();
  cdp.on('Network.requestWillBeSent', (event) => {
    if (!event.request.url.startsWith('data:')) requests.set(event.requestId, { url: event.request.url, bytes: 0 });
  });
  cdp.on('Network.responseReceived', (event) => {
    const entry = requests.get(event.requestId);
    const headers = event.response.headers as Record<string, string>;
    const encoding = Object.entries(headers).find(([key]) => key.toLowerCase() === 'content-encoding')?.[1];
    if (entry) entry.encoding = encoding;
  });
  cdp.on('Network.loadingFinished', (event) => {
    const entry = requests.get(event.requestId);
    if (entry) entry.bytes = event.encodedDataLength;
  });
  const totals = () =>
    [...requests.values()].reduce((sum, entry) => ({ bytes: sum.bytes + entry.bytes, count: sum.count + 1 }), { bytes: 0, count: 0 });

  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { __benchMarks: { name?: number } }).__benchMarks.name !== undefined, undefined, {
    timeout: 120_000,
    polling: 50,
  });
  const atName = totals();
  await page.waitForFunction(() => (window as unknown as { __benchMarks: { page?: number } }).__benchMarks.page !== undefined, undefined, {
    timeout: 120_000,
    polling: 50,
  });
  // Whatever the page still fetches after the name shows (fonts, prefetches) counts in the total.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
  const marks = await page.evaluate(() => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks);
  const all = totals();
  const encodings = [...requests.values()].map(
    (entry) => `${entry.url.replace(/^https?:\/\/[^/]+/, '')} ${entry.encoding ?? 'identity'} ${entry.bytes} B`,
  );
  await context.close();
  return {
    meaningfulMs: marks.code,
    nameMs: marks.name,
    pageMs: marks.page,
    firstTextMs: marks.firstText,
    bytesAtName: atName.bytes,
    requestsAtName: atName.count,
    bytesTotal: all.bytes,
    requestsTotal: all.count,
    encodings,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
  const given = argValue('web-url');
  if (given) return measure(given);
  const build = await buildMiniprogram('h5');
  console.log(build.built ? `H5 build: rebuilt in ${seconds(build.ms)}` : 'H5 build: up to date');
  await withSeededStack({ web: true, label: false }, ({ webUrl }) => measure(webUrl!));
}

async function measure(webUrl: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const station = (await (await fetch(`${webUrl}/api/stations/by-code/${STATION_CODE}`)).json()) as { villageName: string };
    const url = `${webUrl}/#/pages/station/index?scene=${STATION_CODE}`;
    console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
    console.log(
      `Link: Chromium network emulation, ${LINK.latency} ms latency, ${LINK.downloadThroughput} B/s down and up; cold (fresh profile, cache off)`,
    );
    console.log(`Page: /#/pages/station/index?scene=${STATION_CODE} (station name contains "${station.villageName}")\n`);
    const runs: Run[] = [];
    for (let index = 0; index < RUNS; index += 1) {
      const run = await measureOnce(browser, url, station.villageName);
      runs.push(run);
      console.log(
        `run ${index + 1}: code shown ${seconds(run.meaningfulMs)}, first text ${seconds(run.firstTextMs)}, name shown ${seconds(run.nameMs)}, ` +
          `page rendered ${seconds(run.pageMs)}; ` +
          `${kb(run.bytesAtName)} in ${run.requestsAtName} requests by then, ${kb(run.bytesTotal)} in ${run.requestsTotal} in all`,
      );
      if (index === 0) for (const line of run.encodings) console.log(`    ${line}`);
    }
    const pick = (field: keyof Omit<Run, 'encodings'>) => median(runs.map((run) => run[field]));
    const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
    console.log(`\nmedian of ${RUNS}:`);
    console.log(
      `  station code (meaningful) shown  ${seconds(pick('meaningfulMs'))}   target < ${seconds(TARGETS.meaningfulMs)}: ${verdict(pick('meaningfulMs') < TARGETS.meaningfulMs)}`,
    );
    console.log(
      `  station name shown               ${seconds(pick('nameMs'))}   target < ${seconds(TARGETS.nameMs)}: ${verdict(pick('nameMs') < TARGETS.nameMs)}`,
    );
    console.log(`  station page rendered by the app ${seconds(pick('pageMs'))}   (no target: the page one can use)`);
    console.log(`  transferred until the name shows ${kb(pick('bytesAtName'))} in ${pick('requestsAtName')} requests`);
    console.log(
      `  transferred in all               ${kb(pick('bytesTotal'))} in ${pick('requestsTotal')} requests   target < ${kb(TARGETS.bytes)}: ${verdict(pick('bytesTotal') < TARGETS.bytes)}`,
    );
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
