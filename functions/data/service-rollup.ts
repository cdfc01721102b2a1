/**
 * The region roll-up of the service ledger: applies each entry waiting in the sparse work list
 * (GSI3 SVC_ROLLUP#<shard>) to its regions' day counters EXACTLY once. One transaction per batch:
 *   each entry     REMOVE its GSI3 keys, conditional on still having them (applied by no one else)
 *   region days    ADD the batch's sums, one Update per distinct item (its 4 region levels, and its
 *                  place among its parent's children: prefecture in province, ..., station in township)
 * Before each batch, each station's last active day and its regions' coverage, and the burst flags
 * (functions/data/service-signals.ts).
 * A failed condition names the entries another run applied meanwhile: they are dropped and the rest
 * retried, so two runs at once, or a run dying halfway, never count an entry twice or lose one.
 * Only this job writes region items: no event's transaction ever touches a province-wide item.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { addCounters, countersOf, emptyCounters, type ServiceCounters, type ServiceEntry } from '../domain/services/service';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, SERVICE_ROLLUP_SHARDS, serviceKeys, stationKeys, statsKeys, type PrimaryKey } from './keys';
import { addCountersUpdate } from './service-ledger-items';
import { noteActivity, noteBursts } from './service-signals';
import { transactWrite } from './transact';

type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };
const MAX_TRANSACTION_ITEMS = 100;
const PAGE = 40;

/** Where a station's day counts: its four region levels and its place among each parent's children. */
export function rollupTargets(villageCode: string, stationId: string, date: string): Array<{ key: PrimaryKey; labels: Record<string, string> }> {
  const levels = [2, 4, 6, 9].map((n) => villageCode.slice(0, n));
  return [
    ...levels.map((code) => ({ key: statsKeys.regionDay(code, date), labels: { code, date } })),
    ...levels.map((parent, i) => {
      const child = i < 3 ? levels[i + 1] : stationId;
      return { key: statsKeys.childDay(parent, date, child), labels: { parent, code: child, date, ...(i === 3 ? { stationId, villageCode } : {}) } };
    }),
  ];
}

const villageCache = new Map<string, string>();
async function villagesOf(stationIds: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(stationIds)].filter((id) => !villageCache.has(id));
  if (missing.length) {
    const items = await batchGet(
      missing.map((id) => stationKeys.item(id)),
      { projection: 'id, villageCode' },
    );
    for (const item of items) villageCache.set(String(item.id), String(item.villageCode));
  }
  return villageCache;
}

async function pendingOf(shard: number): Promise<ServiceEntry[]> {
  const { Items = [] } = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: INDEX.GSI3,
      KeyConditionExpression: 'GSI3PK = :pk',
      ExpressionAttributeValues: { ':pk': serviceKeys.rollupShard(shard) },
      Limit: PAGE,
    }),
  );
  return Items.map((item) => stripKeys<ServiceEntry>(item));
}

/** Entries taken in order while the transaction (entries + distinct region items) stays within 100 items. */
function batchOf(entries: ServiceEntry[], villages: Map<string, string>) {
  const sums = new Map<string, { key: PrimaryKey; labels: Record<string, string>; counters: ServiceCounters }>();
  const taken: ServiceEntry[] = [];
  for (const entry of entries) {
    const village = villages.get(entry.stationId);
    if (!village) continue; // a station that does not exist: left waiting, visible in the work list
    const targets = rollupTargets(village, entry.stationId, entry.date);
    const fresh = targets.filter((t) => !sums.has(`${t.key.PK}|${t.key.SK}`)).length;
    if (taken.length + 1 + sums.size + fresh > MAX_TRANSACTION_ITEMS) break;
    taken.push(entry);
    for (const t of targets) {
      const id = `${t.key.PK}|${t.key.SK}`;
      const sum = sums.get(id) ?? { ...t, counters: emptyCounters() };
      addCounters(sum.counters, countersOf(entry));
      sums.set(id, sum);
    }
  }
  return { taken, sums: [...sums.values()] };
}

async function applyBatch(entries: ServiceEntry[], villages: Map<string, string>): Promise<number> {
  let remaining = entries;
  for (let attempt = 1; attempt <= 5 && remaining.length; attempt++) {
    const { taken, sums } = batchOf(remaining, villages);
    if (!taken.length) return 0;
    // Before the entries leave the work list: a run dying after this notes them again, harmlessly.
    await Promise.all([noteActivity(taken, villages), noteBursts(taken, villages)]);
    const table = tableName();
    try {
      await transactWrite({
        TransactItems: [
          ...taken.map((entry) => ({
            Update: {
              TableName: table,
              Key: serviceKeys.entry(entry.id),
              UpdateExpression: 'SET rolledUp = :yes REMOVE GSI3PK, GSI3SK',
              ConditionExpression: 'attribute_exists(GSI3PK)',
              ExpressionAttributeValues: { ':yes': true },
            },
          })),
          ...sums.map((sum) => addCountersUpdate(table, sum.key, sum.counters, sum.labels)),
        ],
      });
      return taken.length;
    } catch (error) {
      const reasons = (error as Cancelled).CancellationReasons ?? [];
      if (!reasons.length) throw error;
      // Applied by another run meanwhile: drop those, retry the rest (a collision retries them all).
      const applied = new Set(taken.filter((_, i) => reasons[i]?.Code === 'ConditionalCheckFailed').map((e) => e.id));
      remaining = remaining.filter((e) => !applied.has(e.id));
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
  return 0;
}

/**
 * Applies everything waiting, shard by shard; when every shard was found empty, records that the
 * figures are fresh as of the run's start (every entry written before it is in them).
 */
export async function runServiceRollup(now: () => Date = () => new Date()): Promise<{ applied: number; freshAt: string | null }> {
  const startedAt = now().toISOString();
  let applied = 0;
  let drained = true;
  for (let shard = 0; shard < SERVICE_ROLLUP_SHARDS; shard++) {
    for (let round = 0; round < 500; round++) {
      const pending = await pendingOf(shard);
      if (!pending.length) break;
      const villages = await villagesOf(pending.map((e) => e.stationId));
      const done = await applyBatch(pending, villages);
      applied += done;
      if (!done) {
        drained = false;
        break;
      }
    }
  }
  if (!drained) return { applied, freshAt: null };
  await db()
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: statsKeys.freshness(),
        UpdateExpression: 'SET entity = :entity, freshAt = :at',
        ConditionExpression: 'attribute_not_exists(freshAt) OR freshAt < :at',
        ExpressionAttributeValues: { ':entity': 'StatsFreshness', ':at': startedAt },
      }),
    )
    .catch((error: Error) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  return { applied, freshAt: startedAt };
}
