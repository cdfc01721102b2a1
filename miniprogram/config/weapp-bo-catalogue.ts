/**
 * Writes the Tibetan main catalogue into packages/me as a plain CommonJS module (BO_CATALOGUE_FILE):
 * `module.exports = { version, messages, errors }`, the shape 我的 stores on the device. The weapp main
 * package loads it with WeChat's require.async on a first visit in a Tibetan system language
 * (src/i18n/locale-boot.weapp.ts); a webpack chunk would not do, since its exports live in webpack's
 * module table, not in module.exports.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { transformSync } from '@swc/core';
import type { Compiler } from 'webpack';

const PLUGIN = 'YinongWeappBoCataloguePlugin';
const I18N = path.resolve(__dirname, '../src/i18n');

/**
 * A module of src/i18n with no value imports (Taro's loader for config/ compiles config/ only, so
 * these are compiled here).
 */
function loadTs(file: string): Record<string, unknown> {
  const { code } = transformSync(readFileSync(file, 'utf8'), {
    filename: file,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2020' },
    module: { type: 'commonjs' },
  });
  const loaded = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', code)(loaded, loaded.exports);
  return loaded.exports;
}

export class WeappBoCataloguePlugin {
  apply(compiler: Compiler): void {
    // bench/weapp-size.ts builds a blank app with this config/ and no src/i18n.
    if (!existsSync(path.join(I18N, 'messages', 'bo.ts'))) return;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const { BO_CATALOGUE_FILE, BO_MAIN_VERSION } = loadTs(path.join(I18N, 'locale-keys.ts')) as Record<string, string>;
        const { boMessages, boErrors } = loadTs(path.join(I18N, 'messages', 'bo.ts'));
        const catalogue = { version: BO_MAIN_VERSION, messages: boMessages, errors: boErrors };
        compilation.emitAsset(BO_CATALOGUE_FILE as string, new compiler.webpack.sources.RawSource(`module.exports=${JSON.stringify(catalogue)};\n`));
      });
    });
  }
}
