import { serviceEvents } from '../../../functions/domain/services/service-events';
import { countersOf, satisfactionOf, addCounters, emptyCounters } from '../../../functions/domain/services/service';
import type { PaymentRecord } from '../../../functions/domain/payments/payment';

const payment = { id: 'pm1', stationId: 'st1', officerId: 'u1', householdId: 'hh1', amountFen: 12_345, ledgerDate: '2026-03-31' } as PaymentRecord;

describe('service entries of events', () => {
  it('a void late on 1 April (Asia/Shanghai) of a payment settled on 31 March subtracts from 1 April', () => {
    const entry = serviceEvents.paymentVoided(payment, '2026-04-01T15:30:00.000Z', 'u2');
    expect([entry.id, entry.kind, entry.date, entry.count, entry.fen, entry.serviceId]).toEqual([
      'void-pm1',
      'reversal',
      '2026-04-01',
      -1,
      -12_345,
      'pay-pm1',
    ]);
    // 23:30 in Shanghai is still that day; 16:30 UTC is the next one.
    expect(serviceEvents.paymentVoided(payment, '2026-04-01T16:30:00.000Z', 'u2').date).toBe('2026-04-02');
  });

  it('the same event always gives the same id (the ledger’s idempotency)', () => {
    const at = '2026-04-01T02:00:00.000Z';
    expect(serviceEvents.paymentSettled(payment, at)).toEqual(serviceEvents.paymentSettled(payment, at));
    expect(serviceEvents.paymentSettled(payment, at).id).toBe('pay-pm1');
  });

  it('a payment and its void sum to nothing; ratings of 4 and 5 are satisfied', () => {
    const sum = addCounters(
      countersOf(serviceEvents.paymentSettled(payment, '2026-04-01T02:00:00Z')),
      countersOf(serviceEvents.paymentVoided(payment, '2026-04-02T02:00:00Z', 'u1')),
    );
    expect(sum).toEqual(emptyCounters());
    const rated = [5, 4, 3, 1]
      .map((rating) => countersOf({ kind: 'rating', type: 'payment', count: 0, fen: 0, rating }))
      .reduce(addCounters, emptyCounters());
    expect([rated.ratingCount, rated.ratingSum, rated.ratingSatisfied, satisfactionOf(rated)]).toEqual([4, 13, 2, 0.5]);
  });
});
