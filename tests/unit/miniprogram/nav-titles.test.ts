/**
 * Every page's navigation-bar title follows the chosen language: its config's title (fixed at build
 * time, zh-CN) is a catalogue key with a Tibetan text, and the page passes that same key to useNavTitle,
 * which sets it at run time. Every page app.config.ts lists is checked, and every page config on disk is listed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { installMainCatalogue, setLocale } from '../../../miniprogram/src/i18n';
import { boErrors, boMessages } from '../../../miniprogram/src/i18n/messages/bo';

const SRC = join(__dirname, '..', '..', '..', 'miniprogram', 'src');

type Config = { navigationBarTitleText?: string };
type AppConfig = { pages: string[]; subPackages: { root: string; pages: string[] }[] };
const globals = globalThis as unknown as Record<string, (config: unknown) => unknown>;
globals.defineAppConfig = (config) => config;
globals.definePageConfig = (config) => config;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const load = <T>(file: string): T => (require(file) as { default: T }).default;
const appConfig = load<AppConfig>(join(SRC, 'app.config.ts'));
const pages = [...appConfig.pages, ...appConfig.subPackages.flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`))];

function configFilesOnDisk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return configFilesOnDisk(path);
    return name === 'index.config.ts' ? [relative(SRC, path).replace(/\.config\.ts$/, '')] : [];
  });
}

const TIBETAN = /[\u0F00-\u0FFF]/;

describe('navigation-bar titles', () => {
  afterEach(() => setLocale('zh-CN'));

  it('app.config.ts lists every page that has a config, and each listed page has one', () => {
    const onDisk = [...configFilesOnDisk(join(SRC, 'pages')), ...configFilesOnDisk(join(SRC, 'packages'))].sort();
    expect(onDisk).toEqual([...pages].sort());
    expect(pages.length).toBeGreaterThan(50);
  });

  it.each(pages)('%s: its title is a catalogue key in zh-CN and Tibetan, set again at run time', (page) => {
    const configSource = readFileSync(join(SRC, `${page}.config.ts`), 'utf8');
    const [, key] = configSource.match(/navigationBarTitleText: t\('([^']+)'\)/) ?? [];
    expect(key).toBeDefined();
    const [, catalogue] = configSource.match(/import \{ t \} from '([^']+)'/) ?? [];
    expect(catalogue).toBeDefined();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const t = (require(join(SRC, page, '..', catalogue as string)) as { t: (key: string) => string }).t;

    // The config's build-time title is the key's zh-CN text.
    const zh = t(key as string);
    expect(load<Config>(join(SRC, `${page}.config.ts`)).navigationBarTitleText).toBe(zh);
    expect(zh).not.toBe(key);
    // The same key in Tibetan (the main catalogue as stored on the device, the subpackages' own).
    installMainCatalogue('bo', { messages: boMessages, errors: boErrors });
    setLocale('bo');
    expect(t(key as string)).toMatch(TIBETAN);

    // The page passes the same key to useNavTitle, once, at the top of the page (a station's name may come first).
    const pageSource = readFileSync(join(SRC, `${page}.tsx`), 'utf8');
    const calls = [...pageSource.matchAll(/useNavTitle\(([^;]*)\);/g)].map((match) => match[1]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(`t('${key}')`);
  });
});
