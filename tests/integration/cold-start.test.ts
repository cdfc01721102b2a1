/**
 * The packaged prod artefacts start cold fast: one zip per function, each holding its minified bundle
 * (at most 300 KB) and no source map, and every bundle loads with no AWS call and no crash. The cold
 * `require` time against a handler that only loads the AWS SDK client is printed here, never asserted
 * (timings on a shared machine are noise); `npm run bench -- --only cold-start` gives the medians.
 */
import { routeList } from '../../shared';
import { baselineHandler, coldRequireMs, extractFunctions } from '../harness/cold-start';
import { packageStage } from '../harness/package-stage';

const BUNDLE_LIMIT = 300 * 1024;
const pkg = packageStage('prod');
const bundles = extractFunctions(pkg);

describe('cold start of the packaged prod functions', () => {
  it('packages every function on its own: its bundle, minified, without source maps', () => {
    const template = JSON.parse(pkg.template) as { Resources: Record<string, { Type: string; Properties: any }> };
    const functions = Object.values(template.Resources).filter((r) => r.Type === 'AWS::Lambda::Function');
    expect(bundles.map((b) => b.name).sort()).toEqual(functions.map((fn) => String(fn.Properties.FunctionName).replace(/^yinong-prod-/, '')).sort());
    // Each function's code is its own zip.
    expect(new Set(functions.map((fn) => fn.Properties.Code.S3Key)).size).toBe(functions.length);
    expect(new Set(routeList.map((route) => route.function)).size).toBeLessThan(bundles.length);
    for (const [zip, files] of pkg.zips) {
      const paths = [...files.keys()];
      const js = paths.filter((path) => path.startsWith('functions/'));
      expect({ zip, js: js.length, maps: paths.filter((path) => path.endsWith('.map')) }).toEqual({ zip, js: 1, maps: [] });
      const code = files.get(js[0])!.toString();
      // Minified: few, long lines; no pointer to a map the zip does not hold.
      expect({ zip, lines: code.split('\n').length < 200, mapComment: /sourceMappingURL/.test(code.slice(-300)) }).toEqual({
        zip,
        lines: true,
        mapComment: false,
      });
    }
  });

  it('keeps every bundle within 300 KB', () => {
    const sizes = bundles.map((b) => ({ name: b.name, kb: Math.round(b.bytes / 102.4) / 10 }));
    console.log(`bundle sizes (KB): ${sizes.map(({ name, kb }) => `${name} ${kb}`).join(', ')}`);
    for (const b of bundles)
      expect({ name: b.name, bytes: b.bytes, within: b.bytes <= BUNDLE_LIMIT }).toEqual({ name: b.name, bytes: b.bytes, within: true });
  });

  it('loads every bundle cold without touching AWS (cold require time printed against the SDK-only handler)', () => {
    const baseline = coldRequireMs(baselineHandler());
    const lines = bundles.map((b) => {
      const ms = coldRequireMs(`${b.dir}/${b.bundle}`);
      return `${b.name} ${ms.toFixed(0)} ms (${(ms / baseline).toFixed(2)}x)`;
    });
    console.log(
      `cold require, one run each (noisy; medians: npm run bench -- --only cold-start): SDK only ${baseline.toFixed(0)} ms; ${lines.join(', ')}`,
    );
    expect(lines).toHaveLength(bundles.length);
  });
});
