/**
 * Payment requests (keys: payRequestKeys). Every move is conditional on the status it leaves; paying
 * is ONE transaction with the station's non-cash ledger (nonCashLedgerKeys, the orders' ledger): the
 * day's totals and a line whose id is the request's, so a second write fails the whole transaction.
 */
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PayRequestRecord, PayRequestRepository } from '../domain/payments/pay-request';
import { AppError } from '../domain/errors';
import { db, tableName } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { stripKeys } from './item';
import { INDEX, nonCashLedgerKeys, payRequestKeys } from './keys';
import { transactWrite } from './transact';
import { serviceItems } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';
import { isConditionFailure } from './transaction-errors';

const toRecord = (item: Record<string, unknown>) => stripKeys<PayRequestRecord>(item);

/** A single-item move: true when it happened, false when the status was not `from` any more. */
async function move(id: string, from: string, set: string, values: Record<string, unknown>): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: payRequestKeys.item(id),
        UpdateExpression: set,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':from': from, ...values },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    // A transaction (the payment's) holds the item at this moment: the caller looks again.
    if ((error as Error)?.name === 'TransactionConflictException') throw new AppError('CONFLICT', 'The payment request is being changed; try again');
    throw error;
  }
}

export const dynamoPayRequestRepository: PayRequestRepository = {
  async create(request) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...payRequestKeys.item(request.id),
                ...payRequestKeys.pendingIndex(request.createdAt, request.id),
                entity: 'PayRequest',
                ...request,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: { ...payRequestKeys.token(request.token), entity: 'PayLink', payRequestId: request.id },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
        ],
      });
      return { kind: 'created' };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(request.id);
      if (!existing) throw error;
      return { kind: 'exists', request: existing };
    }
  },

  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: payRequestKeys.item(id), ConsistentRead: true }));
    return Item ? toRecord(Item) : null;
  },

  async byToken(token) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: payRequestKeys.token(token) }));
    return Item ? this.get(String(Item.payRequestId)) : null;
  },

  fund: (id, payment) =>
    move(id, 'OPEN', 'SET #status = :to, fundedAt = :at, transactionId = :tx', { ':to': 'FUNDED', ':at': payment.at, ':tx': payment.transactionId }),

  markBillFailed: (id, failureCode, at) =>
    move(id, 'FUNDED', 'SET #status = :to, failureCode = :code, settledAt = :at REMOVE GSI3PK, GSI3SK', {
      ':to': 'BILL_FAILED',
      ':code': failureCode,
      ':at': at,
    }),

  expire: (id, at) => move(id, 'OPEN', 'SET #status = :to, expiredAt = :at REMOVE GSI3PK, GSI3SK', { ':to': 'EXPIRED', ':at': at }),

  /**
   *   request   status = FUNDED ──> PAID (leaves the settler's list)
   *   day       count += 1, amountFen += amount
   *   line      attribute_not_exists (its id is the request's)
   */
  async markPaid(request, paid) {
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: payRequestKeys.item(request.id),
              UpdateExpression: 'SET #status = :paid, paidAt = :at, providerRef = :ref, ledgerDate = :date REMOVE GSI3PK, GSI3SK',
              ConditionExpression: '#status = :funded',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: { ':paid': 'PAID', ':at': paid.at, ':ref': paid.providerRef, ':date': paid.ledgerDate, ':funded': 'FUNDED' },
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: nonCashLedgerKeys.day(request.stationId, paid.ledgerDate),
              UpdateExpression: 'SET entity = :entity ADD #count :one, amountFen :amount',
              ExpressionAttributeNames: { '#count': 'count' },
              ExpressionAttributeValues: { ':entity': 'NonCashDay', ':one': 1, ':amount': request.amountFen },
            },
          },
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...nonCashLedgerKeys.entry(request.stationId, paid.ledgerDate, request.id),
                entity: 'NonCashLedgerEntry',
                kind: 'bill_paid_by_link',
                payRequestId: request.id,
                stationId: request.stationId,
                amountFen: request.amountFen,
                transactionId: request.transactionId,
                at: paid.at,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          // Counted as the station's payment service with the bill it pays (once: the move above).
          ...serviceItems(tableName(), serviceEvents.payLinkPaid(request, paid.at)),
        ],
      });
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },

  async listPending({ limit, cursor }) {
    const scope = 'payreqs:pending';
    const { Items = [], LastEvaluatedKey } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.GSI3,
        KeyConditionExpression: 'GSI3PK = :pk',
        ExpressionAttributeValues: { ':pk': payRequestKeys.pending() },
        Limit: limit,
        ExclusiveStartKey: decodeCursor(cursor, scope),
      }),
    );
    return { ids: Items.map((item) => String(item.id)), nextCursor: encodeCursor(LastEvaluatedKey, scope) ?? null };
  },
};
