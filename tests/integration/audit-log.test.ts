/**
 * Money actions leave one structured audit line each (issue 9 item 8): payment, void and day close,
 * through the real handlers, whatever their outcome; read off what the logger writes to stdout.
 */
import { resetConfigForTests } from '../../functions/config';
import { businessDay } from '../../functions/domain/stations/opening-hours';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, electricityBody, officerOf, pay, TUQIAO } from '../harness/payments';

let tableName: string;
let doc: Awaited<ReturnType<typeof useFreshTable>>['doc'];
const level = process.env.LOG_LEVEL;

beforeAll(async () => {
  ({ tableName, doc } = await useFreshTable('audit'));
  await copyStations(doc, tableName, [TUQIAO.villageCode]);
  process.env.LOG_LEVEL = 'info';
  resetConfigForTests();
});
afterAll(() => {
  process.env.LOG_LEVEL = level;
  resetConfigForTests();
});

/** The audit lines written during `work`. */
async function auditLinesOf<T>(work: () => Promise<T>): Promise<{ result: T; audit: Array<Record<string, unknown>> }> {
  const written: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    const result = await work();
    const lines = written
      .flatMap((c) => c.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { result, audit: lines.filter((l) => l.audit === true) };
  } finally {
    spy.mockRestore();
  }
}

describe('audit lines of money actions', () => {
  it('a payment, its void and the day close each leave one line with the caller, station, ids, amount and outcome', async () => {
    const officer = await officerOf(doc, tableName, TUQIAO);
    const body = await electricityBody(officer.auth, TUQIAO.id, '4401237001');

    const paid = await auditLinesOf(() => pay(officer.auth, body));
    expect(paid.result.status).toBe(201);
    expect(paid.audit).toEqual([
      expect.objectContaining({
        audit: true,
        level: 'info',
        action: 'payment.create',
        callerId: officer.user.id,
        stationId: TUQIAO.id,
        paymentId: paid.result.json.id,
        amountFen: body.amountFen,
        outcome: 'SUCCEEDED',
      }),
    ]);
    // Never the account number or the token in the line.
    expect(JSON.stringify(paid.audit)).not.toContain(body.accountNo);

    const voided = await auditLinesOf(() =>
      invoke(handlers.payments, {
        method: 'POST',
        path: `/payments/${paid.result.json.id}/void`,
        headers: officer.auth,
        body: { reason: '户号错了' },
      }),
    );
    expect(voided.result.status).toBe(200);
    expect(voided.audit).toEqual([
      expect.objectContaining({
        action: 'payment.void',
        callerId: officer.user.id,
        stationId: TUQIAO.id,
        paymentId: paid.result.json.id,
        amountFen: body.amountFen,
        outcome: 'VOIDED',
      }),
    ]);

    const date = businessDay(new Date());
    const close = () =>
      invoke(handlers.payments, {
        method: 'POST',
        path: `/stations/${TUQIAO.id}/reconciliations`,
        headers: officer.auth,
        body: { date, countedCashFen: 0 },
      });
    const closed = await auditLinesOf(close);
    expect(closed.result.status).toBe(201);
    expect(closed.audit).toEqual([
      expect.objectContaining({
        action: 'day.close',
        callerId: officer.user.id,
        stationId: TUQIAO.id,
        closeId: `${TUQIAO.id}#${date}`,
        amountFen: 0,
        outcome: 'CLOSED',
      }),
    ]);

    // Refused actions are audited too, with the code that refused them.
    const again = await auditLinesOf(close);
    expect(again.result.status).toBe(409);
    expect(again.audit).toEqual([expect.objectContaining({ action: 'day.close', outcome: 'DAY_CLOSED' })]);
    const late = await auditLinesOf(() => pay(officer.auth, body));
    expect(late.result.json.error.code).toBe('DAY_CLOSED');
    expect(late.audit).toEqual([expect.objectContaining({ action: 'payment.create', callerId: officer.user.id, outcome: 'DAY_CLOSED' })]);
  });
});
