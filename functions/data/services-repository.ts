/**
 * The service ledger's own writes and reads (functions/domain/services/service.ts): consultations
 * (one transaction: the entry, once, and its station's day), ratings (once per service), and the
 * station-level reads of the officer's month. Events of other contexts add `serviceItems` to their
 * own transactions (functions/data/service-ledger-items.ts).
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ServiceEntry, ServiceLedgerRepository } from '../domain/services/service';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, serviceKeys, statsKeys } from './keys';
import { addCountersUpdate, countersFromItem, serviceEntryItem, serviceItems } from './service-ledger-items';
import { countersOf } from '../domain/services/service';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';
import { AppError } from '../domain/errors';

const entryFromItem = (item: Record<string, unknown>) => stripKeys<ServiceEntry>(item);

async function exists(id: string) {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: serviceKeys.entry(id), ConsistentRead: true }));
  return Item !== undefined;
}

export const dynamoServiceLedger: ServiceLedgerRepository = {
  async record(entry) {
    try {
      await transactWrite({ TransactItems: serviceItems(tableName(), entry) });
      return true;
    } catch (error) {
      try {
        if (isConditionFailure(error)) return false;
      } catch (collision) {
        // Retries of the same request collided until the retries ran out: if one stored it, this is a repeat.
        if (collision instanceof AppError && collision.code === 'CONFLICT' && (await exists(entry.id))) return false;
        throw collision;
      }
      throw error;
    }
  },

  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: serviceKeys.entry(id), ConsistentRead: true }));
    return Item ? entryFromItem(Item) : null;
  },

  /**
   *   service entry  exists, a service, not rated ──> rating = n
   *   rating entry   attribute_not_exists (keyed by the service): counted once on its station's day
   */
  async rate(rating) {
    const table = tableName();
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: table,
              Key: serviceKeys.entry(rating.serviceId!),
              UpdateExpression: 'SET rating = :rating, ratedAt = :at',
              ConditionExpression: 'attribute_exists(PK) AND kind = :service AND attribute_not_exists(rating)',
              ExpressionAttributeValues: { ':rating': rating.rating, ':at': rating.at, ':service': 'service' },
            },
          },
          { Put: { TableName: table, Item: serviceEntryItem(rating), ConditionExpression: 'attribute_not_exists(PK)' } },
          addCountersUpdate(table, statsKeys.stationDay(rating.stationId, rating.date), countersOf(rating), {
            stationId: rating.stationId,
            date: rating.date,
          }),
        ],
      });
      return true;
    } catch (error) {
      try {
        if (isConditionFailure(error)) return false;
      } catch (collision) {
        if (collision instanceof AppError && collision.code === 'CONFLICT' && (await exists(rating.id))) return false;
        throw collision;
      }
      throw error;
    }
  },

  async stationDays(stationId, from, to) {
    const items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db().send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': statsKeys.station(stationId), ':from': statsKeys.day(from), ':to': statsKeys.day(to) },
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.map((item) => ({ date: String(item.date), counters: countersFromItem(item) }));
  },

  async servicesOfUser(userId, householdId, limit) {
    const query = (who: string) =>
      db().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: INDEX.GSI2,
          KeyConditionExpression: 'GSI2PK = :pk',
          ExpressionAttributeValues: { ':pk': serviceKeys.served(who) },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
    const pages = await Promise.all([query(userId), ...(householdId ? [query(`H${householdId}`)] : [])]);
    const byId = new Map(pages.flatMap((p) => p.Items ?? []).map((item) => [String(item.id), entryFromItem(item)]));
    return [...byId.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
  },

  async stationEntries(stationId, limit) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': serviceKeys.station(stationId) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(entryFromItem);
  },
};
