/**
 * Market prices: the catalogue partition, the reports and the daily series (keys: priceKeys).
 */
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type {
  DayPoint,
  MarketRecord,
  PriceCatalogueRepository,
  PriceReportRecord,
  PriceReportRepository,
  ProductRecord,
} from '../domain/prices/price';
import { PRICE_SERIES_MAX_DAYS } from '../../shared';
import { batchGet } from './batch-get';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, priceKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';

type Item = Record<string, unknown>;
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export const productItem = (product: ProductRecord) => ({ ...priceKeys.product(product.id), entity: 'PriceProduct', ...product });
export const marketItem = (market: MarketRecord) => ({ ...priceKeys.market(market.id), entity: 'PriceMarket', ...market });
/** A report as stored (the benchmark loads reports in bulk this way, with dayItems for their days). */
export const reportItem = (report: PriceReportRecord) => ({
  ...priceKeys.report(report.id),
  ...priceKeys.reportIndex(report.marketId, report.productId, report.date, report.createdAt, report.id),
  entity: 'PriceReport',
  ...report,
});
export const dayItem = (productId: string, marketId: string, day: DayPoint) => ({
  ...priceKeys.day(productId, marketId, day.date),
  entity: 'PriceDay',
  ...day,
});

async function getItem<T>(key: { PK: string; SK: string }): Promise<T | null> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<T>(Item) : null;
}

async function putNew(item: Item): Promise<boolean> {
  try {
    await db().send(new PutCommand({ TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/**
 * Rename and/or retire or restore, appending the history, in one write:
 *   exists (and, when `active` changes, active = the opposite) ──> SET name, active, history
 */
async function updateEntry<T>(key: { PK: string; SK: string }, set: { name?: string; active?: boolean }, changes: unknown[]): Promise<T | null> {
  const sets = ['history = list_append(history, :changes)', 'updatedAt = :at'];
  const values: Record<string, unknown> = { ':changes': changes, ':at': (changes[changes.length - 1] as { at: string }).at };
  const conditions = ['attribute_exists(PK)'];
  if (set.name !== undefined) {
    sets.push('#name = :name');
    values[':name'] = set.name;
  }
  if (set.active !== undefined) {
    sets.push('active = :active');
    conditions.push('active = :was');
    Object.assign(values, { ':active': set.active, ':was': !set.active });
  }
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: `SET ${sets.join(', ')}`,
        ConditionExpression: conditions.join(' AND '),
        ExpressionAttributeNames: set.name !== undefined ? { '#name': 'name' } : undefined,
        ExpressionAttributeValues: values,
        ReturnValues: 'ALL_NEW',
      }),
    );
    return stripKeys<T>(Attributes!);
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

export const dynamoPriceCatalogueRepository: PriceCatalogueRepository = {
  async all() {
    // The catalogue is a few dozen products and markets: one page of one partition.
    const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': priceKeys.catalogue } }, (item) => item);
    return {
      products: items.filter((i) => String(i.SK).startsWith(priceKeys.productPrefix)).map((i) => stripKeys<ProductRecord>(i)),
      markets: items.filter((i) => String(i.SK).startsWith(priceKeys.marketPrefix)).map((i) => stripKeys<MarketRecord>(i)),
    };
  },
  async pair(productId, marketId) {
    const found = await batchGet([priceKeys.product(productId), priceKeys.market(marketId)]);
    const product = found.find((i) => i.SK === priceKeys.product(productId).SK);
    const market = found.find((i) => i.SK === priceKeys.market(marketId).SK);
    return { product: product ? stripKeys<ProductRecord>(product) : null, market: market ? stripKeys<MarketRecord>(market) : null };
  },
  getProduct: (id) => getItem<ProductRecord>(priceKeys.product(id)),
  getMarket: (id) => getItem<MarketRecord>(priceKeys.market(id)),
  createProduct: (product) => putNew(productItem(product)),
  createMarket: (market) => putNew(marketItem(market)),
  updateProduct: (id, set, changes) => updateEntry<ProductRecord>(priceKeys.product(id), set, changes),
  updateMarket: (id, set, changes) => updateEntry<MarketRecord>(priceKeys.market(id), set, changes),
};

/** Moves a day's sum and count by one report (created on the day's first report). */
const dayUpdate = (report: PriceReportRecord, sign: 1 | -1): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: priceKeys.day(report.productId, report.marketId, report.date),
    UpdateExpression: 'SET entity = :entity, #date = :date ADD sumFen :fen, #count :one',
    ExpressionAttributeNames: { '#date': 'date', '#count': 'count' },
    ExpressionAttributeValues: { ':entity': 'PriceDay', ':date': report.date, ':fen': sign * report.priceFen, ':one': sign },
  },
});

export const dynamoPriceReportRepository: PriceReportRepository = {
  async record(report) {
    try {
      await transactWrite({
        TransactItems: [
          { Put: { TableName: tableName(), Item: reportItem(report), ConditionExpression: 'attribute_not_exists(PK)' } },
          dayUpdate(report, 1),
        ],
      });
      return 'stored';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  },

  get: (id) => getItem<PriceReportRecord>(priceKeys.report(id)),

  /**
   *   VALID ──mark wrong──> WRONG: day sum -= price, count -= 1
   *   WRONG ──unmark─────> VALID: day sum += price, count += 1
   * both in one transaction, conditional on the status the report leaves.
   */
  async mark(report, mark) {
    const [from, to] = mark.wrong ? (['VALID', 'WRONG'] as const) : (['WRONG', 'VALID'] as const);
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: priceKeys.report(report.id),
              UpdateExpression: 'SET #status = :to, marks = list_append(marks, :mark)',
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':to': to, ':from': from, ':mark': [mark] },
            },
          },
          dayUpdate(report, mark.wrong ? -1 : 1),
        ],
      });
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return getItem<PriceReportRecord>(priceKeys.report(report.id));
  },

  async days(productId, marketId, from, to) {
    // One item per day: a range of PRICE_SERIES_MAX_DAYS days is ~60 KB, far below a Query's 1 MB page,
    // so this is one Query whatever the number of reports behind the days.
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#date': 'date', '#count': 'count' },
        ExpressionAttributeValues: {
          ':pk': priceKeys.series(productId, marketId),
          ':from': priceKeys.daySortKey(from),
          ':to': priceKeys.daySortKey(to),
        },
        ProjectionExpression: '#date, sumFen, #count',
        Limit: PRICE_SERIES_MAX_DAYS,
      }),
    );
    return Items.map((i) => ({ date: String(i.date), sumFen: Number(i.sumFen), count: Number(i.count) }));
  },

  reports: (marketId, productId, from, to, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': priceKeys.reportsOf(marketId, productId), ':from': from, ':to': `${to}~` },
        ScanIndexForward: false,
      },
      page,
      `price-reports:${marketId}:${productId}:${from}:${to}`,
      (item) => stripKeys<PriceReportRecord>(item),
    ),
};
