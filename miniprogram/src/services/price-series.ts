import type { PriceSeries } from '@shared/schemas/prices';
import { shiftDate } from './business-date';
import { fenToYuanText, formatFen } from './money';

/**
 * What the price pages show of a series, computed once: points with their dates (the API sends day
 * offsets from `from` to keep a year small), the ranges of the tabs and a change put into words.
 */

export const SERIES_RANGES = ['month', 'quarter', 'year'] as const;
export type SeriesRange = (typeof SERIES_RANGES)[number];
const RANGE_DAYS: Record<SeriesRange, number> = { month: 30, quarter: 91, year: 365 };

/** `from`/`to` of a range tab ending today (China's business day), both days included. */
export function rangeDates(range: SeriesRange, today: string): { from: string; to: string } {
  return { from: shiftDate(today, -(RANGE_DAYS[range] - 1)), to: today };
}

export interface PricePoint {
  date: string;
  priceFen: number;
  /** How many valid reports that day's price averages. */
  reports: number;
}

/** The compact arrays as points, oldest first. */
export function seriesPoints(series: Pick<PriceSeries, 'from' | 'days' | 'pricesFen' | 'reports'>): PricePoint[] {
  return series.days.map((offset, i) => ({ date: shiftDate(series.from, offset), priceFen: series.pricesFen[i], reports: series.reports[i] ?? 0 }));
}

/** Fen as yuan for a chart's axis or a table cell: 1234 -> 12.34. */
export const fenToYuan = (fen: number): number => Math.round(fen) / 100;

export type Change = PriceSeries['weekChange'];
export type Direction = 'up' | 'down' | 'flat' | 'none';

/** Up, down or flat: the arrow and the colour follow it, and the words say it too (not colour alone). */
export function changeDirection(change: Change): Direction {
  if (!change) return 'none';
  if (change.diffFen > 0) return 'up';
  if (change.diffFen < 0) return 'down';
  return 'flat';
}

/** "+3.5%" / "-12.0%": one decimal, the sign always written. */
export function pctText(pct: number): string {
  const rounded = Math.round(Math.abs(pct) * 10) / 10;
  return `${pct < 0 ? '-' : '+'}${rounded.toFixed(1)}%`;
}

/** The change's amount as money without a sign ("¥1.50"): the word 涨 / 跌 carries the sign. */
export const changeAmount = (change: NonNullable<Change>): string => formatFen(Math.abs(change.diffFen));

/** A price typed back into the officer's form, or shown in a table: "12.50". */
export const yuanText = fenToYuanText;
