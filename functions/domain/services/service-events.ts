/**
 * The ledger entry of each countable event, built where the event's transaction is built (the data
 * layer adds `serviceItems(entry)` to it). Pure functions: the same event always gives the same entry.
 */
import type { FeedRecord } from '../feeds/feed';
import type { OrderRecord } from '../market/market';
import type { PaymentRecord } from '../payments/payment';
import type { PayRequestRecord } from '../payments/pay-request';
import type { QuestionRecord } from '../questions/question';
import { businessDay } from '../stations/opening-hours';
import { serviceIds, type ConsultationChannel, type ServiceEntry, type ServiceType } from './service';

const dayOf = (at: string) => businessDay(new Date(at));

const service = (e: Omit<ServiceEntry, 'kind' | 'count' | 'date' | 'fen'> & { fen?: number }): ServiceEntry => ({
  kind: 'service',
  count: 1,
  date: dayOf(e.at),
  ...e,
  fen: e.fen ?? 0,
});

export const serviceEvents = {
  /** A bill payment settled: counted with its amount on the day it settled. */
  paymentSettled: (p: PaymentRecord, at: string): ServiceEntry =>
    service({
      id: serviceIds.payment(p.id),
      type: 'payment',
      stationId: p.stationId,
      officerId: p.officerId,
      householdId: p.householdId,
      userId: null,
      at,
      fen: p.amountFen,
    }),
  /** A bill paid through the officer's remote pay link: a payment service of the station, with its amount. */
  payLinkPaid: (r: PayRequestRecord, at: string): ServiceEntry =>
    service({
      id: serviceIds.payment(r.id),
      type: 'payment',
      stationId: r.stationId,
      officerId: r.officerId,
      householdId: r.householdId,
      userId: null,
      at,
      fen: r.amountFen,
    }),
  /** A void: the payment leaves the counts and sums of the day the void happens, never the day it was paid. */
  paymentVoided: (p: PaymentRecord, at: string, by: string): ServiceEntry => ({
    id: serviceIds.paymentVoid(p.id),
    kind: 'reversal',
    type: 'payment',
    stationId: p.stationId,
    officerId: by,
    householdId: p.householdId,
    userId: null,
    at,
    date: dayOf(at),
    count: -1,
    fen: -p.amountFen,
    serviceId: serviceIds.payment(p.id),
  }),
  /** An order handed over at the station or shipped from it: e-commerce turnover, with its total. */
  orderHandedOver: (o: OrderRecord, at: string, officerId: string | null): ServiceEntry =>
    service({
      id: serviceIds.orderHandedOver(o.id),
      type: 'order',
      stationId: o.stationId,
      officerId,
      householdId: null,
      userId: o.buyerId,
      at,
      fen: o.totalFen,
    }),
  acknowledged: (feed: Pick<FeedRecord, 'id'>, householdId: string, stationId: string, at: string, userId: string | null): ServiceEntry =>
    service({ id: serviceIds.ack(feed.id, householdId), type: 'ack', stationId, officerId: null, householdId, userId, at }),
  informed: (feedId: string, householdId: string, stationId: string, by: string, at: string): ServiceEntry =>
    service({ id: serviceIds.informed(feedId, householdId), type: 'informed', stationId, officerId: by, householdId, userId: null, at }),
  /** An expert's answer counts for the station the question came through (none: not a station's service). */
  answered: (q: QuestionRecord, by: string, at: string): ServiceEntry | null =>
    q.stationId
      ? service({
          id: serviceIds.answer(q.id),
          type: 'answer',
          stationId: q.stationId,
          officerId: by,
          householdId: q.householdId,
          userId: q.askedBy,
          at,
        })
      : null,
  consultation: (
    hash: string,
    stationId: string,
    officerId: string,
    channel: ConsultationChannel,
    householdId: string | null,
    at: string,
  ): ServiceEntry =>
    service({ id: serviceIds.consultation(hash), type: 'consultation', stationId, officerId, householdId, userId: null, at, channel }),
  /** Training attendance (the training context calls recordService with this entry). */
  trainingAttended: (
    sessionId: string,
    person: { userId: string | null; householdId: string | null; id: string },
    stationId: string,
    officerId: string | null,
    at: string,
  ): ServiceEntry =>
    service({
      id: serviceIds.training(sessionId, person.id),
      type: 'training' satisfies ServiceType,
      stationId,
      officerId,
      householdId: person.householdId,
      userId: person.userId,
      at,
    }),
};
