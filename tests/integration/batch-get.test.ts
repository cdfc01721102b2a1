/**
 * FA1 for BatchGet: DynamoDB may answer a BatchGet with some or all keys unprocessed when the table
 * is busy. The faults are injected on the real client (its middleware stack) against DynamoDB Local:
 * the first N BatchGet calls come back with every key unprocessed. Fewer than the bound: the full
 * answer; always: 503 with Retry-After after a bounded number of calls, never an endless loop.
 */
import { db } from '../../functions/data/client';
import { BATCH_GET_ATTEMPTS } from '../../functions/data/batch-get';
import { dynamoLedgerRepository } from '../../functions/data/ledger-repository';
import { resetSearchIndexCacheForTests } from '../../functions/data/search-index-repository';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';

/** The first `unprocessedCalls` BatchGets reach DynamoDB but answer as if it processed none of their keys. */
function busyBatchGets(unprocessedCalls: number) {
  let calls = 0;
  const name = 'busyBatchGets';
  db().middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { RequestItems?: Record<string, { Keys?: unknown[] }> };
      const isBatchGet = input.RequestItems !== undefined && Object.values(input.RequestItems).every((request) => Array.isArray(request.Keys));
      const result = await next(args);
      if (!isBatchGet) return result;
      calls++;
      if (calls > unprocessedCalls) return result;
      const tables = Object.keys(input.RequestItems!);
      const output = { ...(result.output as object), Responses: Object.fromEntries(tables.map((t) => [t, []])), UnprocessedKeys: input.RequestItems };
      return { ...result, output: output as unknown as typeof result.output };
    },
    { step: 'initialize', name },
  );
  return { calls: () => calls, remove: () => db().middlewareStack.remove(name) };
}

const search = () => invoke(handlers.stations, { path: '/stations', query: { q: 'tq', limit: '20' } });

describe('BatchGet with unprocessed keys', () => {
  beforeAll(() => resetSearchIndexCacheForTests());

  it(`answers in full when DynamoDB leaves every key unprocessed on fewer than ${BATCH_GET_ATTEMPTS} calls`, async () => {
    const clean = await search();
    expect(clean.status).toBe(200);
    expect(clean.json.items.length).toBeGreaterThan(0);

    const busy = busyBatchGets(BATCH_GET_ATTEMPTS - 1);
    try {
      const res = await search();
      expect(res.status).toBe(200);
      expect(res.json.items.map((s: { id: string }) => s.id)).toEqual(clean.json.items.map((s: { id: string }) => s.id));
      expect(busy.calls()).toBe(BATCH_GET_ATTEMPTS);
    } finally {
      busy.remove();
    }
  });

  it(`answers 503 DEPENDENCY_UNAVAILABLE with Retry-After after ${BATCH_GET_ATTEMPTS} calls when the keys stay unprocessed`, async () => {
    const busy = busyBatchGets(Number.MAX_SAFE_INTEGER);
    try {
      const res = await search();
      expect([res.status, res.json.error.code]).toEqual([503, 'DEPENDENCY_UNAVAILABLE']);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(busy.calls()).toBe(BATCH_GET_ATTEMPTS);
    } finally {
      busy.remove();
    }
  });

  it('bounds the ledger days of a region the same way: one bounded series of calls per 100 stations', async () => {
    const stationIds = Array.from({ length: 150 }, (_, i) => `st-busy-${i}`);
    const busy = busyBatchGets(Number.MAX_SAFE_INTEGER);
    try {
      await expect(dynamoLedgerRepository.getDays(stationIds, '2026-01-05')).rejects.toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE' });
      expect(busy.calls()).toBe(BATCH_GET_ATTEMPTS); // the first chunk gives up; the second is never asked
    } finally {
      busy.remove();
    }
    const partlyBusy = busyBatchGets(2);
    try {
      const days = await dynamoLedgerRepository.getDays(stationIds, '2026-01-05');
      expect(days.map((d) => [d.stationId, d.status])).toEqual(stationIds.map((id) => [id, 'OPEN']));
      expect(partlyBusy.calls()).toBe(4); // chunk one: 2 busy + 1; chunk two: 1
    } finally {
      partlyBusy.remove();
    }
  });
});
