/**
 * What the roll-up notes about stations beside the day counters, BEFORE it takes a batch off the work
 * list (both are facts of committed events, so doing them again after a crash changes nothing):
 *   activity + coverage  a station's last day with a service moves forward (a condition on the old day),
 *                        and in the SAME transaction each of its four regions' coverage item moves one
 *                        station from the old day's count to the new one's: "active in 30 days" and
 *                        "silent 14 days" are then sums over one item per region, whatever its size
 *   burst flags          a station's 10-minute window (counted in each event's transaction) above the
 *                        threshold gets a flag item in the province's flag partition (a Put: idempotent)
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { burstBucketOf, SUPERVISION_DEFINITIONS, type ServiceEntry } from '../domain/services/service';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { statsKeys } from './keys';
import { transactWrite } from './transact';

/** The attribute of a coverage item counting the stations whose last service was on that day. */
export const coverageAttribute = (date: string) => `d_${date.replace(/-/g, '')}`;
const regionLevels = (villageCode: string) => [2, 4, 6, 9].map((n) => villageCode.slice(0, n));

async function moveStation(stationId: string, villageCode: string, date: string): Promise<void> {
  const table = tableName();
  for (let attempt = 1; attempt <= 5; attempt++) {
    const { Item } = await db().send(new GetCommand({ TableName: table, Key: statsKeys.activity(villageCode, stationId), ConsistentRead: true }));
    const old = Item?.lastDate ? String(Item.lastDate) : null;
    if (old !== null && old >= date) return;
    const moves: Record<string, number> = { [coverageAttribute(date)]: 1, ...(old ? { [coverageAttribute(old)]: -1 } : {}) };
    const names = Object.keys(moves);
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: statsKeys.activity(villageCode, stationId),
              UpdateExpression: 'SET entity = :entity, stationId = :station, villageCode = :village, lastDate = :date',
              ConditionExpression: old ? 'lastDate = :old' : 'attribute_not_exists(lastDate)',
              ExpressionAttributeValues: {
                ':entity': 'StationActivity',
                ':station': stationId,
                ':village': villageCode,
                ':date': date,
                ...(old ? { ':old': old } : {}),
              },
            },
          },
          ...regionLevels(villageCode).map((code) => ({
            Update: {
              TableName: table,
              Key: statsKeys.coverage(code),
              UpdateExpression: `SET entity = :entity, #code = :code ADD ${names.map((_, i) => `#m${i} :m${i}`).join(', ')}`,
              ExpressionAttributeNames: { '#code': 'code', ...Object.fromEntries(names.map((n, i) => [`#m${i}`, n])) },
              ExpressionAttributeValues: {
                ':entity': 'RegionCoverage',
                ':code': code,
                ...Object.fromEntries(names.map((n, i) => [`:m${i}`, moves[n]])),
              },
            },
          })),
        ],
      });
      return;
    } catch (error) {
      // Another run moved this station meanwhile: read its day again.
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
    }
  }
  throw new Error(`station ${stationId}: its last active day kept changing`);
}

/** Each station's latest day with a service in the batch, moved forward with its regions' coverage. */
export async function noteActivity(entries: ServiceEntry[], villages: Map<string, string>): Promise<void> {
  const latest = new Map<string, string>();
  for (const e of entries) if (e.kind === 'service' && (latest.get(e.stationId) ?? '') < e.date) latest.set(e.stationId, e.date);
  // One station at a time: they share their regions' coverage items, which concurrent transactions would fight over.
  for (const [stationId, date] of latest) await moveStation(stationId, villages.get(stationId)!, date);
}

/** The batch's 10-minute windows above the threshold (their counters already hold every committed service) flagged. */
export async function noteBursts(entries: ServiceEntry[], villages: Map<string, string>): Promise<void> {
  const windows = new Map<string, { stationId: string; bucket: string }>();
  for (const e of entries) {
    if (e.kind !== 'service') continue;
    const bucket = burstBucketOf(e.at);
    windows.set(`${e.stationId}#${bucket}`, { stationId: e.stationId, bucket });
  }
  if (!windows.size) return;
  const counted = await batchGet([...windows.values()].map((w) => statsKeys.burstBucket(w.stationId, w.bucket)));
  const above = counted.filter((item) => Number(item.services ?? 0) > SUPERVISION_DEFINITIONS.burstServices);
  await Promise.all(
    above.map((item) => {
      const stationId = String(item.stationId);
      const villageCode = villages.get(stationId)!;
      const bucket = String(item.bucket);
      return db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...statsKeys.burstFlag(villageCode, bucket, stationId),
            entity: 'BurstFlag',
            stationId,
            villageCode,
            bucket,
            date: bucket.slice(0, 10),
            services: Number(item.services),
          },
        }),
      );
    }),
  );
}
