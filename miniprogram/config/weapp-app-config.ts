/**
 * The weapp main package carries app.config.ts twice: as app.json, which WeChat reads, and as a
 * JavaScript copy Taro's loader puts into app.js (`window.__taroAppConfig`, createReactApp's config).
 * On weapp nothing at run time reads that copy's subpackage list, preload rules or permissions (Taro's
 * mini-program runtime takes only `appId` from it; the H5 router, which reads the rest, is not in this
 * build), yet they were about 1.9 KB of the main package. This plugin hands Taro's app loader a copy
 * with only `pages` and `window`; app.json is still written from the whole config.
 */
import type { Compiler } from 'webpack';

const PLUGIN = 'YinongWeappAppConfigPlugin';
const TARO_LOADER = '@tarojs/taro-loader';
/** What the run-time copy keeps. */
const KEPT = ['pages', 'window'] as const;

type LoaderEntry = { loader: string; options?: { config?: Record<string, unknown> } & Record<string, unknown> };

export class WeappAppConfigPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(PLUGIN, (compilation) => {
      // Tapped after Taro's MiniPlugin (user plugins come later), which has just put its loader on the app entry.
      compiler.webpack.NormalModule.getCompilationHooks(compilation).loader.tap(PLUGIN, (_context, module) => {
        const loaders = (module as unknown as { loaders: LoaderEntry[] }).loaders;
        for (const [index, entry] of loaders.entries()) {
          const config = entry.options?.config;
          if (entry.loader !== TARO_LOADER || !config || !Array.isArray(config.pages)) continue;
          const trimmed = Object.fromEntries(KEPT.filter((name) => name in config).map((name) => [name, config[name]]));
          loaders[index] = { ...entry, options: { ...entry.options, config: trimmed } };
        }
      });
    });
  }
}
