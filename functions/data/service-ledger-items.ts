/**
 * The service ledger's transaction items (keys.ts serviceKeys, statsKeys): what every event's own
 * transaction adds so its service is counted with it, and the counters' item shape.
 *   entry          Put, attribute_not_exists: the event's id is taken once, so a retry fails the
 *                  whole transaction (or, where the event is already conditional, cannot happen twice)
 *   station's day  ADD the entry's counters (a per-station item: two officers of one station collide at
 *                  worst, and transactWrite retries that)
 * Region figures are never touched here: the entry waits in the roll-up's sparse index (GSI3).
 */
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  addCounters,
  burstBucketOf,
  countersOf,
  emptyCounters,
  SERVICE_TYPES,
  type ServiceCounters,
  type ServiceEntry,
} from '../domain/services/service';
import { serviceKeys, statsKeys, type PrimaryKey } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export function serviceEntryItem(entry: ServiceEntry) {
  const served = entry.kind === 'service' ? (entry.userId ?? (entry.householdId ? `H${entry.householdId}` : null)) : null;
  return {
    ...serviceKeys.entry(entry.id),
    ...serviceKeys.stationIndex(entry.stationId, entry.at, entry.id),
    ...(served ? serviceKeys.servedIndex(served, entry.at, entry.id) : {}),
    ...serviceKeys.rollupIndex(entry.id, entry.at),
    entity: 'ServiceEntry',
    ...entry,
  };
}

/** The attribute of each counter on a day item (station, region or child). */
const attributes = (c: ServiceCounters): Record<string, number> => ({
  services: c.services,
  ...Object.fromEntries(SERVICE_TYPES.map((t) => [`n_${t}`, c.byType[t]])),
  paymentFen: c.paymentFen,
  orderFen: c.orderFen,
  ratingCount: c.ratingCount,
  ratingSum: c.ratingSum,
  ratingSatisfied: c.ratingSatisfied,
});

export function countersFromItem(item: Record<string, unknown> | undefined): ServiceCounters {
  const c = emptyCounters();
  if (!item) return c;
  const num = (name: string) => Number(item[name] ?? 0);
  c.services = num('services');
  for (const t of SERVICE_TYPES) c.byType[t] = num(`n_${t}`);
  c.paymentFen = num('paymentFen');
  c.orderFen = num('orderFen');
  c.ratingCount = num('ratingCount');
  c.ratingSum = num('ratingSum');
  c.ratingSatisfied = num('ratingSatisfied');
  return c;
}

/** An Update that ADDs counters (only the non-zero ones) to a day item and SETs its labels. */
export function addCountersUpdate(table: string, key: PrimaryKey, counters: ServiceCounters, labels: Record<string, string>): TransactItem {
  const adds = Object.entries(attributes(counters)).filter(([, v]) => v !== 0);
  const sets = Object.entries({ entity: 'ServiceDay', ...labels });
  return {
    Update: {
      TableName: table,
      Key: key,
      UpdateExpression: `SET ${sets.map((_, i) => `#s${i} = :s${i}`).join(', ')}${adds.length ? ` ADD ${adds.map((_, i) => `#a${i} :a${i}`).join(', ')}` : ''}`,
      ExpressionAttributeNames: {
        ...Object.fromEntries(sets.map(([name], i) => [`#s${i}`, name])),
        ...Object.fromEntries(adds.map(([name], i) => [`#a${i}`, name])),
      },
      ExpressionAttributeValues: {
        ...Object.fromEntries(sets.map(([, value], i) => [`:s${i}`, value])),
        ...Object.fromEntries(adds.map(([, value], i) => [`:a${i}`, value])),
      },
    },
  };
}

/** ADD n services to a station's 10-minute window (the burst flag's counter; reversals and ratings are not services done then). */
function burstUpdate(table: string, stationId: string, bucket: string, services: number): TransactItem {
  return {
    Update: {
      TableName: table,
      Key: statsKeys.burstBucket(stationId, bucket),
      UpdateExpression: 'SET entity = :entity, stationId = :station, #bucket = :bucket ADD services :n',
      ExpressionAttributeNames: { '#bucket': 'bucket' },
      ExpressionAttributeValues: { ':entity': 'ServiceBurst', ':station': stationId, ':bucket': bucket, ':n': services },
    },
  };
}

/** The items an event's transaction adds: its ledger entry (once), its station's day counters and, for a service, its 10-minute window. */
export function serviceItems(table: string, entry: ServiceEntry): TransactItem[] {
  return [
    { Put: { TableName: table, Item: serviceEntryItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } },
    addCountersUpdate(table, statsKeys.stationDay(entry.stationId, entry.date), countersOf(entry), { stationId: entry.stationId, date: entry.date }),
    ...(entry.kind === 'service' ? [burstUpdate(table, entry.stationId, burstBucketOf(entry.at), 1)] : []),
  ];
}

/** Several entries in one transaction (a consignment's orders): one Put each, each station's day moved once. */
export function serviceItemsOf(table: string, entries: ServiceEntry[]): TransactItem[] {
  const days = new Map<string, { entry: ServiceEntry; counters: ServiceCounters }>();
  for (const entry of entries) {
    const key = `${entry.stationId}#${entry.date}`;
    const day = days.get(key) ?? { entry, counters: emptyCounters() };
    addCounters(day.counters, countersOf(entry));
    days.set(key, day);
  }
  const windows = new Map<string, { stationId: string; bucket: string; services: number }>();
  for (const entry of entries.filter((e) => e.kind === 'service')) {
    const bucket = burstBucketOf(entry.at);
    const key = `${entry.stationId}#${bucket}`;
    windows.set(key, { stationId: entry.stationId, bucket, services: (windows.get(key)?.services ?? 0) + 1 });
  }
  return [
    ...entries.map((entry) => ({ Put: { TableName: table, Item: serviceEntryItem(entry), ConditionExpression: 'attribute_not_exists(PK)' } })),
    ...[...days.values()].map(({ entry, counters }) =>
      addCountersUpdate(table, statsKeys.stationDay(entry.stationId, entry.date), counters, { stationId: entry.stationId, date: entry.date }),
    ),
    ...[...windows.values()].map((w) => burstUpdate(table, w.stationId, w.bucket, w.services)),
  ];
}
