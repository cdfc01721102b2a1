/**
 * An admin over the market's region marks a report wrong (an outlier, a typing error): it leaves the
 * series at once, the report stays with every mark (who, when, why); unmarking brings it back. One
 * transaction conditional on the report's status moves the report and its day's sum and count.
 */
import type { MarkReportRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, notFound } from '../errors';
import { keepsMarket } from './catalogue';
import type { PriceReportRepository } from './price';
import { toReportView } from './report-price';

export interface MarkReportDeps {
  reports: Pick<PriceReportRepository, 'get' | 'mark'>;
  now?: () => Date;
}

export async function markReport(deps: MarkReportDeps, caller: Caller, reportId: string, input: MarkReportRequest) {
  const report = await deps.reports.get(reportId);
  if (!report || !keepsMarket(caller, report.regionCode)) throw notFound('Report');
  const conflict = new AppError('CONFLICT', input.wrong ? 'The report is already marked wrong' : 'The report is not marked wrong');
  if ((report.status === 'WRONG') === input.wrong) throw conflict;
  const at = (deps.now?.() ?? new Date()).toISOString();
  const marked = await deps.reports.mark(report, {
    wrong: input.wrong,
    reason: input.reason ?? null,
    at,
    byUserId: caller.userId,
    byRole: caller.role,
  });
  if (!marked) throw conflict;
  return toReportView(marked);
}
