/**
 * `npm run posters -- --region <code> [--out file.html]`: every station poster of a region in one
 * printable file (one A4 page per station), from the local stack's data. Run `npm start` first.
 */
import './lib/env';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { localQrSource } from '../functions/adapters/qr-local';
import { dynamoRegionRepository } from '../functions/data/regions-repository';
import { dynamoStationRepository } from '../functions/data/stations-repository';
import { renderPosterSvg } from '../functions/domain/stations/station-poster';
import { PrerequisiteError } from './lib/errors';

function argument(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const region = argument('region');
  if (!region || !/^(\d{2}|\d{4}|\d{6}|\d{9}|\d{12})$/.test(region)) {
    throw new PrerequisiteError('Give a region division code: npm run posters -- --region 630202 [--out posters.html]');
  }
  process.env.TABLE_NAME ??= 'yinong-local';
  process.env.DYNAMODB_ENDPOINT ??= `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  process.env.STAGE ??= 'local';
  process.env.LOG_LEVEL ??= 'silent';

  let found;
  try {
    found = await dynamoRegionRepository.get(region);
  } catch {
    throw new PrerequisiteError(`No local database answers on ${process.env.DYNAMODB_ENDPOINT}: start the stack with \`npm start\` first.`);
  }
  if (!found) throw new PrerequisiteError(`No region ${region} in the local data.`);

  const pages: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await dynamoStationRepository.listInRegion(region, { limit: 50, cursor });
    for (const station of page.items) pages.push(renderPosterSvg(station, await localQrSource.forStation(station)));
    cursor = page.nextCursor ?? undefined;
    process.stdout.write(`\r[posters] ${pages.length} of ${found.stationCount}`);
  } while (cursor);

  const out = resolve(argument('out') ?? `posters-${region}.html`);
  const html = [
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${found.name} 益农信息社二维码海报 (${pages.length})</title>`,
    '<style>@page{size:A4;margin:0}body{margin:0}.page{width:210mm;height:297mm;page-break-after:always;break-after:page}.page svg{display:block}</style>',
    '</head><body>',
    ...pages.map((svg) => `<div class="page">${svg}</div>`),
    '</body></html>',
  ].join('\n');
  writeFileSync(out, html);
  process.stdout.write(`\n[posters] ${pages.length} posters of ${found.name} written to ${out}: open it in a browser and print (A4, no margins).\n`);
}

main().catch((error) => {
  process.stderr.write(`[posters] ${error instanceof PrerequisiteError ? error.message : (error as Error).stack}\n`);
  process.exit(1);
});
