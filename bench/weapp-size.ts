/**
 * The weapp packages against a blank Taro app of the same versions and config, both built in this
 * run: the main package (what a villager downloads on the first scan) and each subpackage, in bytes
 * and as a multiple of the blank app's main package. Target: main package <= 1.2x the blank one.
 *
 *   npx tsx bench/weapp-size.ts [--files] [--reuse]
 *   --files lists the main package's files; --reuse keeps the app's weapp build when its sources did not change
 */
import '../scripts/lib/env';
import { cpus, totalmem } from 'node:os';
import { buildMiniprogram, distDir } from '../scripts/lib/miniprogram-build';
import { buildBlankWeapp, packageSizes } from '../scripts/lib/weapp-size';

const MAIN_TARGET_RATIO = 1.2;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`.padStart(9);

async function main() {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  // Force the app's build too: "built in the same run" as the blank one, same toolchain state.
  const app = await buildMiniprogram('weapp', { force: !process.argv.includes('--reuse') });
  console.log(app.built ? `weapp build of the app: ${(app.ms / 1000).toFixed(1)} s` : 'weapp build of the app: up to date (--reuse)');
  const blank = await buildBlankWeapp();
  console.log(`weapp build of a blank one-page Taro app (same versions, same config/): ${(blank.ms / 1000).toFixed(1)} s\n`);

  const sizes = packageSizes(distDir('weapp'));
  const ratio = sizes.main / blank.main;
  console.log(`blank app, main package   ${kb(blank.main)}  (${blank.main} B)  1.00x`);
  console.log(
    `app, main package         ${kb(sizes.main)}  (${sizes.main} B)  ${ratio.toFixed(2)}x   target <= ${MAIN_TARGET_RATIO}x: ${ratio <= MAIN_TARGET_RATIO ? 'meets target' : 'MISSES target'}`,
  );
  for (const [root, bytes] of Object.entries(sizes.subpackages)) {
    console.log(`app, subpackage ${root.padEnd(18)}${kb(bytes)}  (${bytes} B)  ${(bytes / blank.main).toFixed(2)}x`);
  }
  const all = sizes.main + Object.values(sizes.subpackages).reduce((sum, bytes) => sum + bytes, 0);
  console.log(`app, all packages         ${kb(all)}  (WeChat's limit: 2 MB per package)`);
  if (process.argv.includes('--files')) {
    console.log('\nmain package files:');
    for (const entry of sizes.mainFiles) console.log(`  ${kb(entry.bytes)}  ${entry.file}`);
    console.log('\nblank app files:');
    for (const entry of blank.mainFiles) console.log(`  ${kb(entry.bytes)}  ${entry.file}`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
