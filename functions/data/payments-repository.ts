/**
 * Payments as the domain reads them (functions/domain/payments/payment.ts declares the repository):
 * one by id, a station's day, a household's, and the pending markers the settler walks; their
 * transitions are in functions/data/payment-transitions.ts.
 */
import type { PaymentRepository } from '../domain/payments/payment';
import { paymentKeys, PENDING_SHARDS, pendingPaymentKeys, INDEX } from './keys';
import { paymentFromItem, paymentTransitions, readPayment } from './payment-transitions';
import { queryPage } from './query-pages';

export const dynamoPaymentRepository: PaymentRepository = {
  pendingShards: PENDING_SHARDS,
  ...paymentTransitions,

  get: readPayment,

  listStationDay: (stationId, date, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.stationDay(stationId, date).GSI1PK },
        ScanIndexForward: false,
      },
      page,
      `payments:${stationId}:${date}`,
      paymentFromItem,
    ),

  listHousehold: (householdId, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI2,
        KeyConditionExpression: 'GSI2PK = :pk',
        ExpressionAttributeValues: { ':pk': paymentKeys.household(householdId).GSI2PK },
        ScanIndexForward: false,
      },
      page,
      `household-payments:${householdId}`,
      paymentFromItem,
    ),

  async listPending(options) {
    const query =
      'stationId' in options
        ? {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: {
              ':pk': pendingPaymentKeys.ofStation(options.stationId),
              ':prefix': pendingPaymentKeys.stationPrefix(options.stationId),
            },
          }
        : { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pendingPaymentKeys.shard(options.shard) } };
    const scope = 'stationId' in options ? `pending:${options.stationId}` : `pending-shard:${options.shard}`;
    const page = await queryPage(query, options, scope, (item) => String(item.paymentId));
    return { paymentIds: page.items, nextCursor: page.nextCursor };
  },
};
