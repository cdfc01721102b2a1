/**
 * The offline queue replays `queueable` routes, so each must be an officer's write that takes an
 * Idempotency-Key and never moves money (a payment needs a live answer: api-contract.md).
 * The replay itself is proven on DynamoDB Local: tests/integration/queueable-replay.test.ts.
 */
import { routeList } from '../../../shared';
import { readIdempotencyKey } from '../../../functions/http/pipeline';

const queueable = routeList.filter((r) => r.queueable);
/** What moves money: the payments function's routes, orders and anything paying. */
const movesMoney = (r: (typeof routeList)[number]) =>
  r.function === 'payments' || /pay|order|refund|reconcil/i.test(r.name) || /\/(payments|orders|pay-links|pay-requests)\b/.test(r.path);

describe('queueable routes (the officer offline queue)', () => {
  it('include the officer actions the issue names', () => {
    expect(queueable.map((r) => r.name)).toEqual(
      expect.arrayContaining(['logConsultation', 'reportPrice', 'markInformed', 'rateService', 'checkInTraining']),
    );
  });

  it.each(queueable.map((r) => [r.name, r] as const))('%s is a signed-in officer write that never moves money', (_name, route) => {
    expect(route.method).not.toBe('GET');
    expect(route.access).not.toBe('public');
    expect(route.access).toContain('officer');
    expect(movesMoney(route)).toBe(false);
  });

  it.each(queueable.map((r) => [r.name, r] as const))('%s takes an Idempotency-Key (a malformed one is refused)', (_name, route) => {
    expect(readIdempotencyKey(route, 'k-1234')).toEqual({ key: 'k-1234' });
    expect(readIdempotencyKey(route, 'not a key').problem?.code).toBe('invalid_format');
    // Money-moving routes need one; the other queueable routes also serve callers that send none.
    expect(readIdempotencyKey(route, undefined)).toEqual(route.idempotent ? { problem: expect.objectContaining({ code: 'missing' }) } : {});
  });

  it('no payment route is queueable', () => {
    const payments = routeList.filter(movesMoney);
    expect(payments.length).toBeGreaterThan(5);
    expect(payments.filter((r) => r.queueable)).toEqual([]);
  });
});
