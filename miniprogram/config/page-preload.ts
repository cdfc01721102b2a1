/**
 * Tells the H5 boot script (config/h5-boot.ts) which files the station page needs, so that it can
 * ask for them beside app.js instead of after it. Taro loads a page's chunks only once app.js has
 * run; on a slow link (400 ms a round trip) that wait came on top of the download. The file names
 * carry content hashes, known only once webpack has built them: this plugin writes them into
 * index.html where the boot script has STATION_PAGE_FILES_PLACEHOLDER.
 */
import path from 'node:path';
import type { Compilation, Compiler } from 'webpack';

const PLUGIN = 'YinongPagePreloadPlugin';

/** A JSON string in the boot script; becomes the JSON array of the station page's files. */
export const STATION_PAGE_FILES_PLACEHOLDER = '"__YINONG_STATION_PAGE_FILES__"';

/** The station page's source, as webpack names its module. */
const STATION_PAGE = path.resolve(__dirname, '../src/pages/station/index.tsx');

type ModuleLike = { resource?: string; rootModule?: { resource?: string } };

/** The .js and .css files of the lazily loaded chunk group that holds `pageModule`, with the public path. */
function pageFiles(compilation: Compilation, pageModule: string): string[] | undefined {
  const publicPath = String(compilation.outputOptions.publicPath ?? '/');
  for (const group of compilation.chunkGroups) {
    if (group.isInitial()) continue;
    const holdsPage = group.chunks.some((chunk) =>
      [...compilation.chunkGraph.getChunkModulesIterable(chunk)].some((module) => {
        const { resource, rootModule } = module as unknown as ModuleLike;
        return (rootModule?.resource ?? resource) === pageModule;
      }),
    );
    if (!holdsPage) continue;
    return group.chunks.flatMap((chunk) => [...chunk.files].filter((file) => /\.(js|css)$/.test(file)).map((file) => `${publicPath}${file}`));
  }
  return undefined;
}

export class PagePreloadPlugin {
  apply(compiler: Compiler) {
    // The html-webpack-plugin Taro's runner uses: its hooks are per module instance.
    const runner = require.resolve('@tarojs/webpack5-runner');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HtmlWebpackPlugin = require(require.resolve('html-webpack-plugin', { paths: [runner] })) as {
      getHooks(compilation: Compilation): { beforeEmit: { tap(name: string, fn: (data: { html: string }) => { html: string }): void } };
    };
    compiler.hooks.compilation.tap(PLUGIN, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).beforeEmit.tap(PLUGIN, (data) => {
        if (!data.html.includes(STATION_PAGE_FILES_PLACEHOLDER)) return data;
        const files = pageFiles(compilation, STATION_PAGE);
        if (!files)
          compilation.warnings.push(
            new compiler.webpack.WebpackError(`${PLUGIN}: no lazily loaded chunk holds ${STATION_PAGE}; index.html preloads nothing`),
          );
        return { ...data, html: data.html.replace(STATION_PAGE_FILES_PLACEHOLDER, JSON.stringify(files ?? [])) };
      });
    });
  }
}
