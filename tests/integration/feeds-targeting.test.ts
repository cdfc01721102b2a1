/**
 * Targeting, exactly (issue 11), as a property on DynamoDB Local: random items over random target
 * regions, area types, languages, expiries and urgency, published through the real domain and
 * repository; every village then reads its feed page by page (random page sizes, so the k-way merge
 * and its cursor are exercised) and must see exactly what a brute-force filter over all the items
 * says, in its language or the Chinese fallback, pinned alerts first, then newest first.
 */
import fc from 'fast-check';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AREA_TYPES, type AreaType, type FeedLang } from '../../shared';
import type { Caller } from '../../functions/auth/caller';
import { decodeCursor, encodeCursor } from '../../functions/data/cursor';
import { dynamoFeedRepository } from '../../functions/data/feeds-repository';
import { regionKeys } from '../../functions/data/keys';
import { dynamoRegionRepository } from '../../functions/data/regions-repository';
import { dynamoUserRepository } from '../../functions/data/users-repository';
import { versionFor, type FeedRecord } from '../../functions/domain/feeds/feed';
import { listFeeds } from '../../functions/domain/feeds/feed-read';
import { createFeed, publishFeed, retractFeed, submitFeed } from '../../functions/domain/feeds/feed-write';
import { copyRegionChain, countingQueries } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';

const VILLAGES = ['632701001201', '632701001202', '632701002201', '630202002214'];
const TARGETS = [...new Set(VILLAGES.flatMap((v) => [2, 4, 6, 9, 12].map((n) => v.slice(0, n))))];
const T0 = Date.parse('2026-06-01T00:00:00Z');
const READ_AT = new Date(T0 + 3600_000); // items expiring within the hour are gone by then

const author: Caller = { userId: 'u-expert', role: 'expert', regionCode: '63' };
const reviewer: Caller = { userId: 'u-admin', role: 'province_admin', regionCode: '63' };
const cursor = {
  encode: (before: string, scope: string) => encodeCursor({ b: before }, scope)!,
  decode: (c: string | undefined, scope: string) => decodeCursor(c, scope)?.b as string | undefined,
};

let table: Awaited<ReturnType<typeof useFreshTable>>;
beforeAll(async () => {
  table = await useFreshTable('feedprop');
  for (const village of VILLAGES) await copyRegionChain(table.doc, table.tableName, village);
});

const itemArb = fc.record({
  regionCode: fc.constantFrom(...TARGETS),
  areaTypes: fc.option(fc.uniqueArray(fc.constantFrom(...AREA_TYPES), { minLength: 1, maxLength: 3 }), { nil: undefined }),
  lang: fc.constantFrom<FeedLang>('zh', 'bo'),
  withTranslation: fc.boolean(),
  expiry: fc.constantFrom('none', 'soon', 'later'),
  category: fc.constantFrom('policy', 'weather_alert', 'technique'),
  urgent: fc.boolean(),
});

async function setAreaType(code: string, areaType: AreaType) {
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: regionKeys.item(code) }));
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...Item, areaType } }));
}

/** Every page of a place's feed, following the cursor. */
async function readAll(region: string, lang: FeedLang, limit: number, category?: string) {
  const ids: string[] = [];
  const titles: string[] = [];
  let next: string | undefined;
  let pages = 0;
  do {
    const page = await listFeeds(
      { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, cursor, now: () => READ_AT },
      { region, lang, limit, cursor: next, category: category as never },
    );
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((i) => i.id));
    titles.push(...page.items.map((i) => i.title));
    next = page.nextCursor ?? undefined;
    if (++pages > 100) throw new Error('the cursor does not advance');
  } while (next);
  return { ids, titles };
}

describe('feed targeting (property, DynamoDB Local)', () => {
  it('a village sees exactly the items for itself, its township, county, prefecture, province and area type, in its language or Chinese', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(itemArb, { minLength: 0, maxLength: 14 }),
        fc.tuple(...VILLAGES.map(() => fc.constantFrom(...AREA_TYPES))),
        fc.integer({ min: 3, max: 7 }),
        fc.constantFrom<FeedLang>('zh', 'bo'),
        fc.option(fc.constantFrom('policy', 'weather_alert', 'technique'), { nil: undefined }),
        async (specs, villageTypes, limit, lang, category) => {
          for (const [i, village] of VILLAGES.entries()) await setAreaType(village, villageTypes[i]);
          // At most two urgent items, so the pinned ones fit on a first page.
          const published: FeedRecord[] = [];
          for (const [i, spec] of specs.entries()) {
            const at = (s: number) => () => new Date(T0 + i * 60_000 + s);
            const expiresAt = spec.expiry === 'none' ? undefined : new Date(T0 + (spec.expiry === 'soon' ? 1_800_000 + i : 86_400_000)).toISOString();
            const other: FeedLang = spec.lang === 'zh' ? 'bo' : 'zh';
            const draft = await createFeed(
              { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository, now: at(0) },
              author,
              {
                title: `${spec.lang}-title-${i}`,
                body: 'b',
                category: spec.category as never,
                regionCode: spec.regionCode,
                lang: spec.lang,
                areaTypes: spec.areaTypes,
                urgent: spec.urgent && i < 2,
                expiresAt,
                translations: spec.withTranslation ? { [other]: { title: `${other}-title-${i}`, body: 'b' } } : undefined,
              },
            );
            await submitFeed(
              { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository, now: at(1) },
              author,
              draft.id,
            );
            await publishFeed(
              { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository, now: at(2) },
              reviewer,
              draft.id,
            );
            published.push((await dynamoFeedRepository.get(draft.id))!);
          }
          try {
            const now = READ_AT.toISOString();
            for (const [v, village] of VILLAGES.entries()) {
              const chain = [2, 4, 6, 9, 12].map((n) => village.slice(0, n));
              const expected = published
                .filter(
                  (f) =>
                    chain.includes(f.regionCode) &&
                    (f.areaTypes === null || f.areaTypes.includes(villageTypes[v])) &&
                    (f.validUntil === null || f.validUntil > now),
                )
                .filter((f) => category === undefined || f.category === category)
                .sort((a, b) => {
                  const pinned = (f: FeedRecord) => (f.pinnedUntil !== null && f.pinnedUntil > now ? 1 : 0);
                  return pinned(b) - pinned(a) || (a.publishedAt! < b.publishedAt! ? 1 : -1);
                });
              const seen = await readAll(village, lang, limit, category);
              expect(seen.ids).toEqual(expected.map((f) => f.id));
              expect(seen.titles).toEqual(expected.map((f) => versionFor(f, lang).text.title));
              // The fallback is Chinese whenever the item has it: a bo reader never gets a zh-less mix.
              for (const [k, f] of expected.entries()) {
                const has = (l: FeedLang) => f.lang === l || f.translations[l] !== undefined;
                expect(seen.titles[k].slice(0, 2)).toBe(has(lang) ? lang : has('zh') ? 'zh' : f.lang);
              }
            }
          } finally {
            // The next run starts from an empty feed: retracted items leave every index.
            for (const f of published)
              await retractFeed(
                { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository },
                reviewer,
                f.id,
                '测试结束',
              );
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('reads at most one Query per level of the place’s chain, plus one, whatever the page', async () => {
    for (let i = 0; i < 30; i++) {
      const draft = await createFeed({ feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository }, author, {
        title: `t${i}`,
        body: 'b',
        category: 'policy',
        regionCode: TARGETS[i % TARGETS.length],
        lang: 'zh',
        urgent: i < 2,
      });
      await submitFeed({ feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository }, author, draft.id);
      await publishFeed({ feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository }, reviewer, draft.id);
    }
    const deps = { feeds: dynamoFeedRepository, regions: dynamoRegionRepository, users: dynamoUserRepository, cursor };
    for (const region of ['63', '6327', '632701', '632701001', '632701001201']) {
      const levels = [2, 4, 6, 9, 12].indexOf(region.length) + 1;
      const first = await countingQueries(() => listFeeds(deps, { region, lang: 'zh', limit: 5 }));
      expect({ region, queries: first.queries }).toEqual({ region, queries: levels + 1 });
      expect(first.commands.filter((c) => c !== 'QueryCommand' && c !== 'GetItemCommand')).toEqual([]);
      if (first.result.nextCursor) {
        const second = await countingQueries(() => listFeeds(deps, { region, lang: 'zh', limit: 5, cursor: first.result.nextCursor! }));
        expect({ region, queries: second.queries }).toEqual({ region, queries: levels });
      }
    }
  });
});
