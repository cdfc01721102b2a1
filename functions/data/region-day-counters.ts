/**
 * The region counters of a business day (keys.ts regionDayKeys), as transaction items for the
 * payment and close transactions, and their reads. Counters per region level and date:
 *   tookPayments          stations that recorded at least one payment that day
 *   closed                stations that closed the day
 *   closedAfterPayments   of those, the ones that had taken payments (so "took payments, not closed"
 *                         = tookPayments - closedAfterPayments)
 *   withVariance          closes whose counted cash differed from the expected cash
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { RegionDayCounters } from '../domain/payments/ledger-day';
import { db, tableName } from './client';
import { regionDayKeys } from './keys';

type StationRef = { id: string; villageCode: string; code: string; villageName: string };

const add = (table: string, regionCode: string, date: string, counters: Partial<Record<keyof RegionDayCounters, number>>) => {
  const names = Object.keys(counters);
  return {
    Update: {
      TableName: table,
      Key: regionDayKeys.counters(regionCode, date),
      UpdateExpression: `SET entity = :entity, regionCode = :region, #date = :date ADD ${names.map((n) => `${n} :${n}`).join(', ')}`,
      ExpressionAttributeNames: { '#date': 'date' },
      ExpressionAttributeValues: {
        ':entity': 'RegionDayCounters',
        ':region': regionCode,
        ':date': date,
        ...Object.fromEntries(names.map((n) => [`:${n}`, counters[n as keyof RegionDayCounters]])),
      },
    },
  };
};

/** A station's first payment of the day: counted at every region level, flagged as not closed yet. */
export function firstPaymentOfDay(table: string, station: StationRef, date: string) {
  return [
    ...regionDayKeys.levelsOf(station.villageCode).map((region) => add(table, region, date, { tookPayments: 1 })),
    {
      Put: {
        TableName: table,
        Item: { ...regionDayKeys.flag('UNCLOSED', date, station.villageCode, station.id), entity: 'DayFlag', stationId: station.id, date },
      },
    },
  ];
}

/** A close: counted at every region level; the station leaves the not-closed flags and, with a variance, joins those. */
export function closeOfDay(table: string, station: StationRef, date: string, close: { tookPayments: boolean; varianceFen: number }) {
  const counters = { closed: 1, ...(close.tookPayments ? { closedAfterPayments: 1 } : {}), ...(close.varianceFen !== 0 ? { withVariance: 1 } : {}) };
  return [
    ...regionDayKeys.levelsOf(station.villageCode).map((region) => add(table, region, date, counters)),
    ...(close.tookPayments ? [{ Delete: { TableName: table, Key: regionDayKeys.flag('UNCLOSED', date, station.villageCode, station.id) } }] : []),
    ...(close.varianceFen !== 0
      ? [
          {
            Put: {
              TableName: table,
              Item: { ...regionDayKeys.flag('VARIANCE', date, station.villageCode, station.id), entity: 'DayFlag', stationId: station.id, date },
            },
          },
        ]
      : []),
  ];
}

export async function readRegionCounters(regionCode: string, date: string): Promise<RegionDayCounters> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: regionDayKeys.counters(regionCode, date), ConsistentRead: true }));
  const num = (name: string) => Number(Item?.[name] ?? 0);
  return {
    tookPayments: num('tookPayments'),
    closed: num('closed'),
    closedAfterPayments: num('closedAfterPayments'),
    withVariance: num('withVariance'),
  };
}
