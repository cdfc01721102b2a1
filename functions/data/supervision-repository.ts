/**
 * Supervision's reads (functions/domain/services/supervision.ts), all from the roll-up's aggregates:
 * a region's days over a period (ONE Query of its partition), its children's days (ONE Query of the
 * children partition), its stations' last active days (ONE Query of the province's activity partition
 * by village-code prefix: a township's only), its coverage and its children's (one GetItem, one Query),
 * its burst flags (one Query of flagged windows, which are rare) and the roll-up's freshness (one GetItem).
 * Never a scan of events.
 */
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { addCounters, emptyCounters } from '../domain/services/service';
import type { SupervisionRepository } from '../domain/services/supervision';
import { db, tableName } from './client';
import { statsKeys } from './keys';
import { countersFromItem } from './service-ledger-items';

/** A coverage item's stations per last active day (attributes d_YYYYMMDD). */
function lastDaysOf(item: Record<string, unknown> | undefined): Map<string, number> {
  const days = new Map<string, number>();
  for (const [name, value] of Object.entries(item ?? {})) {
    const m = /^d_(\d{4})(\d{2})(\d{2})$/.exec(name);
    if (m && Number(value)) days.set(`${m[1]}-${m[2]}-${m[3]}`, Number(value));
  }
  return days;
}

async function queryEvery(input: Omit<QueryCommandInput, 'TableName'>) {
  const items: Array<Record<string, unknown>> = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(new QueryCommand({ TableName: tableName(), ...input, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

export const dynamoSupervisionRepository: SupervisionRepository = {
  async regionPeriod(code, from, to) {
    const items = await queryEvery({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': statsKeys.region(code), ':from': statsKeys.day(from), ':to': statsKeys.day(to) },
    });
    const days = items.map((item) => ({ date: String(item.date), counters: countersFromItem(item) }));
    return { total: days.reduce((sum, d) => addCounters(sum, d.counters), emptyCounters()), days };
  },

  async childrenPeriod(code, from, to) {
    const items = await queryEvery({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': statsKeys.children(code), ':from': statsKeys.day(from), ':to': `${statsKeys.day(to)}#~` },
    });
    const children = new Map<string, ReturnType<typeof emptyCounters>>();
    for (const item of items)
      children.set(String(item.code), addCounters(children.get(String(item.code)) ?? emptyCounters(), countersFromItem(item)));
    return children;
  },

  async childrenDays(code, from, to) {
    const items = await queryEvery({
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': statsKeys.children(code), ':from': statsKeys.day(from), ':to': `${statsKeys.day(to)}#~` },
    });
    return items.map((item) => ({ code: String(item.code), date: String(item.date), services: Number(item.services ?? 0) }));
  },

  async activity(regionCode) {
    const items = await queryEvery({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': statsKeys.activityPartition(regionCode), ':prefix': regionCode },
    });
    return items.map((item) => ({ stationId: String(item.stationId), villageCode: String(item.villageCode), lastDate: String(item.lastDate) }));
  },

  async coverage(code) {
    const [own, children] = await Promise.all([
      db().send(new GetCommand({ TableName: tableName(), Key: statsKeys.coverage(code) })),
      queryEvery({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': statsKeys.coverageChildren(code) } }),
    ]);
    return {
      own: lastDaysOf(own.Item),
      children: new Map(children.map((item) => [String(item.code), lastDaysOf(item)])),
    };
  },

  async burstFlags(code, from, to) {
    const items = await queryEvery({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: '#date BETWEEN :from AND :to',
      ExpressionAttributeNames: { '#date': 'date' },
      ExpressionAttributeValues: { ':pk': statsKeys.flagPartition(code), ':prefix': statsKeys.burstFlagPrefix(code), ':from': from, ':to': to },
    });
    return items.map((item) => ({
      stationId: String(item.stationId),
      villageCode: String(item.villageCode),
      bucket: String(item.bucket),
      services: Number(item.services),
    }));
  },

  async freshAt() {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: statsKeys.freshness() }));
    return Item?.freshAt ? String(Item.freshAt) : null;
  },
};
