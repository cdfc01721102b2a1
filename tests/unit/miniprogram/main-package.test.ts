/**
 * What the weapp main package (app, home, station: what a villager downloads on the first scan)
 * reaches through its imports. Modules only subpackages import ship in those subpackages; one import
 * from a main page would silently bring them back into the main package.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', '..', 'miniprogram', 'src');
const MAIN_ENTRIES = ['app.tsx', 'app.config.ts', 'pages/index/index.tsx', 'pages/station/index.tsx'];

/** Source files (relative to src/) the main entries reach in the weapp build through value imports (`import type` is erased). */
function reachedFromMain(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, spec] of source.matchAll(/^(?:import|export)(?! type )[^;]*? from '(\.[^']+)'/gms)) {
      const base = resolve(dirname(file), spec);
      // Taro's per-platform resolution: the weapp build takes `x.weapp.tsx` over `x.tsx` when it exists.
      const found = [
        `${base}.weapp.ts`,
        `${base}.weapp.tsx`,
        base,
        `${base}.ts`,
        `${base}.tsx`,
        join(base, 'index.ts'),
        join(base, 'index.tsx'),
      ].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
      if (found) visit(found);
    }
  };
  for (const entry of MAIN_ENTRIES) visit(join(SRC, entry));
  return [...seen].map((file) => relative(SRC, file));
}

describe('weapp main package', () => {
  const reached = reachedFromMain();

  it("calls the API through the client core and the main endpoints only, never the subpackages' endpoints (services/api.ts)", () => {
    expect(reached).toEqual(expect.arrayContaining(['services/api-client.ts', 'services/api-main.ts']));
    expect(reached.filter((file) => file === 'services/api.ts')).toEqual([]);
  });

  it('leaves ask an expert to its subpackage: the station page only links to it', () => {
    expect(reached.filter((file) => /services\/api-ask\.ts$|packages\/ask\/|hooks\/use-(ask-form|question)\.ts$/.test(file))).toEqual([]);
  });

  it('leaves the household payments (我家的缴费) to the receipt subpackage', () => {
    expect(reached.filter((file) => /components\/(my-household|payment-list)\//.test(file))).toEqual([]);
  });

  it("draws buttons and spinners without taro-ui's React components", () => {
    const sources = reached.map((file) => readFileSync(join(SRC, file), 'utf8'));
    expect(reached.filter((_file, index) => /from 'taro-ui'/.test(sources[index]))).toEqual([]);
  });

  it("leaves a station's details (hours, phone, capabilities, map, 设为我的站点) to packages/station: the station page links to them", () => {
    expect(
      reached.filter((file) =>
        /packages\/station\/|components\/(station-map|info-list)\/|hooks\/use-(me|home-station|station-phone)\.ts$|services\/(api-account|opening-hours|station-details-view|location|datum|format)\.ts$/.test(
          file,
        ),
      ),
    ).toEqual([]);
  });

  it('leaves H5-only code out of the mini-program: the typed station code and the early station request of index.html', () => {
    expect(reached).toEqual(expect.arrayContaining(['pages/index/code-entry.weapp.tsx', 'services/station-prefetch-early.weapp.ts']));
    expect(reached.filter((file) => /code-entry\.tsx$|station-prefetch-early\.ts$|components\/text-field\/|use-code-entry/.test(file))).toEqual([]);
  });

  it('names only the pages the main pages open (main-routes.ts), never the full route table of the subpackages (routes.ts)', () => {
    expect(reached).toContain('services/main-routes.ts');
    expect(reached.filter((file) => file === 'services/routes.ts')).toEqual([]);
  });

  it('carries no Tibetan catalogue and no subpackage error texts: the main pages read the Tibetan main catalogue 我的 stored on the device (i18n/locale-boot.weapp.ts)', () => {
    expect(reached).toEqual(expect.arrayContaining(['i18n/locale-boot.weapp.ts', 'i18n/locale-keys.ts']));
    expect(
      reached.filter((file) => /i18n\/messages\/bo(\.[\w-]+)?\.ts$|services\/locale-choice\.ts$|i18n\/errors\.ts$|zh-CN\.errors\.ts$/.test(file)),
    ).toEqual([]);
  });
});
