/**
 * POST /price-reports: an officer reports a price seen at a market of their station's prefecture.
 * Officers often work offline and replay a queue later, so the route takes an Idempotency-Key like
 * payments do (functions/domain/idempotency.ts):
 *
 *   station + market in reach (404 otherwise: nothing claimed)
 *        │
 *   claim the key ──replay──> the report the first request stored
 *        │         ──held───> 409 IDEMPOTENCY_IN_PROGRESS
 *        │         ──other body──> 422 IDEMPOTENCY_KEY_REUSED
 *        │ started
 *   product and market active, date in the window (a 4xx here releases the key)
 *        │
 *   report + its day's sum and count (one transaction; its id derives from caller, key and body,
 *   so a request that takes over a dead holder's key finds the report instead of adding one)
 *        │
 *   complete the key with the report id
 */
import { createHash } from 'node:crypto';
import { PRICE_REPORT_MAX_AGE_DAYS, type PriceReport, type PriceReportRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import { requestHashOf, type IdempotencyStore } from '../idempotency';
import { businessDay } from '../stations/opening-hours';
import type { StationRepository } from '../stations/station';
import { addDays, idTail, type PriceCatalogueRepository, type PriceReportRecord, type PriceReportRepository } from './price';

export interface ReportPriceDeps {
  catalogue: Pick<PriceCatalogueRepository, 'pair'>;
  reports: Pick<PriceReportRepository, 'record' | 'get'>;
  stations: Pick<StationRepository, 'getById'>;
  idempotency: IdempotencyStore;
  now?: () => Date;
}

export const toReportView = (r: PriceReportRecord): PriceReport => ({
  id: r.id,
  productId: r.productId,
  marketId: r.marketId,
  date: r.date,
  unit: r.unit,
  priceFen: r.priceFen,
  stationId: r.stationId,
  status: r.status,
  marks: r.marks.map(({ byUserId, ...mark }) => ({ ...mark, byIdTail: idTail(byUserId) })),
  createdAt: r.createdAt,
});

const reportIdFor = (callerId: string, key: string, requestHash: string) =>
  'pr' + createHash('sha256').update(`${callerId}\n${key}\n${requestHash}`).digest('hex').slice(0, 24);

/** A market is in an officer's reach when it lies in their station's prefecture. */
export const marketInReachOf = (stationVillageCode: string, marketRegionCode: string) => marketRegionCode.startsWith(stationVillageCode.slice(0, 4));

export async function reportPrice(deps: ReportPriceDeps, caller: Caller, idempotencyKey: string, body: PriceReportRequest): Promise<PriceReport> {
  const station = caller.stationId ? await deps.stations.getById(caller.stationId) : null;
  if (!station) throw notFound('Station');
  const { product, market } = await deps.catalogue.pair(body.productId, body.marketId);
  if (!product) throw notFound('Product');
  if (!market || !marketInReachOf(station.villageCode, market.regionCode)) throw notFound('Market');

  const requestHash = requestHashOf('reportPrice', body);
  const claim = await deps.idempotency.claim({ callerId: caller.userId, key: idempotencyKey, requestHash });
  if (claim.kind === 'in_progress')
    throw new AppError('IDEMPOTENCY_IN_PROGRESS', 'This report is still being stored; retry with the same key in a moment', undefined, 1);
  const id = reportIdFor(caller.userId, idempotencyKey, requestHash);
  if (claim.kind === 'replay') {
    const stored = await deps.reports.get(id);
    if (!stored) throw new AppError('CONFLICT', 'The report of this attempt is no longer available');
    return toReportView(stored);
  }

  const now = deps.now?.() ?? new Date();
  const report: PriceReportRecord = {
    id,
    productId: product.id,
    marketId: market.id,
    regionCode: market.regionCode,
    date: body.date,
    unit: product.unit,
    priceFen: body.priceFen,
    officerId: caller.userId,
    stationId: station.id,
    status: 'VALID',
    marks: [],
    createdAt: now.toISOString(),
  };
  let outcome: 'stored' | 'exists';
  try {
    const today = businessDay(now);
    if (!product.active) throw invalidField('body.productId', 'is retired: it takes no new reports');
    if (!market.active) throw invalidField('body.marketId', 'is retired: it takes no new reports');
    if (body.date > today) throw invalidField('body.date', `is in the future (today is ${today} in Asia/Shanghai)`);
    if (body.date < addDays(today, -PRICE_REPORT_MAX_AGE_DAYS))
      throw invalidField('body.date', `is more than ${PRICE_REPORT_MAX_AGE_DAYS} days ago: report recent prices only`);
    outcome = await deps.reports.record(report);
  } catch (error) {
    // Nothing was stored: the key is free for a corrected request.
    await deps.idempotency.release({ callerId: caller.userId, key: idempotencyKey, token: claim.token }).catch(() => undefined);
    throw error;
  }
  await deps.idempotency
    .complete({ callerId: caller.userId, key: idempotencyKey, token: claim.token, response: { status: 201, body: { reportId: id } } })
    .catch(() => undefined); // the key stays held until its lock expires; a retry then takes over and finds this report
  if (outcome === 'exists') {
    const stored = await deps.reports.get(id);
    if (stored) return toReportView(stored);
  }
  return toReportView(report);
}
