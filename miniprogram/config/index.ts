import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { h5CareScript } from './h5-care';
import { h5BootScript } from './h5-boot';
import { PagePreloadPlugin } from './page-preload';
import { WeappAppConfigPlugin } from './weapp-app-config';
import { WeappBoCataloguePlugin } from './weapp-bo-catalogue';
import prodConfig from './prod';

/** The repository's shared/ (types, route table, error codes): imported as `@shared/...`. */
const sharedDir = path.resolve(__dirname, '../../shared');
const platform = process.env.TARO_ENV ?? 'weapp';

/**
 * taro-ui's partials still use Sass `@import` (deprecated in Dart Sass 1.80+) and so must the app
 * stylesheet that themes them; our own stylesheets use `@use`. Taro already silences
 * `legacy-js-api`; its array is merged by index, so it is repeated here.
 */
const sassLoaderOption = {
  sassOptions: { silenceDeprecations: ['legacy-js-api', 'import'] },
};

/**
 * webpack's own code (its runtime, each module's wrapper and export getters) in the syntax that
 * babel.config.js's targets (iOS 12, Chrome 66) have anyway: arrow functions and const instead of
 * ES5 `function () { return x; }`. About 7 KB less in the weapp main package.
 */
const OUTPUT_ENVIRONMENT = { arrowFunction: true, const: true, destructuring: true, forOf: true, templateLiteral: true };

// https://docs.taro.zone/docs/next/config
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'yinong',
    date: '2026-11-29',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One directory per platform, so the H5 and weapp builds coexist.
    outputRoot: `dist/${platform}`,
    plugins: [],
    alias: {
      '@shared': sharedDir,
    },
    // Taro only injects TARO_APP_* from .env files; also honour the variable from the shell
    // (`TARO_APP_API_BASE=https://api.example.cn npm run build:weapp`). Empty = platform default
    // (see src/services/api.ts).
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      // The dev sign-in field (`dev:<openid>`, accepted only by local stages of the API): on by
      // default for H5, off for weapp; a build for deployment sets TARO_APP_DEV_LOGIN= (empty).
      TARO_APP_DEV_LOGIN: JSON.stringify(process.env.TARO_APP_DEV_LOGIN ?? (platform === 'h5' ? '1' : '')),
    },
    defineConstants: {},
    // The map marker of the station page (weapp's Map wants a file path, not an import).
    copy: { patterns: platform === 'weapp' ? [{ from: 'src/assets/', to: 'dist/weapp/assets/' }] : [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Chinese text as UTF-8 (3 bytes a character) instead of \uXXXX escapes (6 bytes): Taro's
    // mini-program default escapes, which doubled the catalogue in the main package. Both
    // WeChat and browsers read UTF-8 sources.
    terser: { enable: true, config: { output: { ascii_only: false } } },
    cache: { enable: false },
    mini: {
      webpackChain(chain) {
        chain.output.set('environment', OUTPUT_ENVIRONMENT);
        // app.js's copy of app.config.ts without what only app.json needs (config/weapp-app-config.ts).
        chain.plugin('yinong-weapp-app-config').use(WeappAppConfigPlugin);
        // packages/me/i18n-bo.js, which a first visit in a Tibetan system language loads (config/weapp-bo-catalogue.ts).
        chain.plugin('yinong-weapp-bo-catalogue').use(WeappBoCataloguePlugin);
      },
      // Babel-compile ../shared as well (it is TypeScript outside sourceRoot).
      compile: { include: [sharedDir] },
      // No `@charset "UTF-8";` on each stylesheet with a non-ASCII character (› ¥ ℹ): WXSS is UTF-8 anyway.
      sassLoaderOption: { sassOptions: { ...sassLoaderOption.sassOptions, charset: false } },
      // Component stylesheets are BEM-scoped (.panel__title, .notice--error), so the order pages
      // import them in does not matter; without this, mini-css-extract warns when two pages
      // import the same components in a different order.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing keeps the static server trivial: every route is index.html.
      router: { mode: 'hash' },
      esnextModules: ['taro-ui'],
      compile: { include: [sharedDir] },
      sassLoaderOption,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // Budget instead of webpack's generic 244 KiB hint: Taro's H5 runtime + React DOM alone are
      // ~300 KiB minified. Exceeding these still warns.
      webpackChain(chain) {
        chain.output.set('environment', OUTPUT_ENVIRONMENT);
        // The station page's chunk names, for the boot script to preload (config/page-preload.ts).
        chain.plugin('yinong-page-preload').use(PagePreloadPlugin);
        chain.performance.maxEntrypointSize(400 * 1024).maxAssetSize(300 * 1024);
        // Taro splits only the initial chunks, so each of the 20 lazily loaded pages carried its own
        // copy of the catalogue, taro-ui and our components (~150 KB each). Modules that several
        // pages use go to shared chunks instead, cached once; a page needs at most 3 of them.
        chain.optimization.splitChunks({
          ...chain.optimization.get('splitChunks'),
          maxAsyncRequests: 4,
          cacheGroups: {
            ...chain.optimization.get('splitChunks')?.cacheGroups,
            pages: { chunks: 'async', minChunks: 2, minSize: 8 * 1024, priority: 5, reuseExistingChunk: true },
          },
        });
      },
      // The station code and a skeleton in the first response, and the station's data asked for
      // beside the JavaScript (see config/h5-boot.ts).
      htmlPluginOption:
        platform === 'h5'
          ? { bootScript: h5BootScript((process.env.TARO_APP_API_BASE || '/api').replace(/\/+$/, '')), careScript: h5CareScript() }
          : {},
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
        // Off: its 'rebase' rewrote the Tibetan web font's url() (node_modules/@fontsource, outside src) to a
        // path nothing emitted; css-loader resolves url() itself, and our own styles have none.
        url: { enable: false },
      },
      // The Tibetan web font (i18n/locale-boot.ts) as static/fonts/<name>.<hash>.woff2, not its path under node_modules.
      fontUrlLoaderOption: { name: () => 'static/fonts/[name].[contenthash:8][ext]' },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
