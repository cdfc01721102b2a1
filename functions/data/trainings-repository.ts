import { GetCommand, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import type { CheckinRecord, OfficerMonth, SignupRecord, TrainingChange, TrainingRecord, TrainingRepository } from '../domain/training/training';
import { db, tableName } from './client';
import { stripKeys } from './item';
import { INDEX, officerHoursKeys, trainingKeys } from './keys';
import { queryAll, queryPage } from './query-pages';
import { transactWrite } from './transact';
import { isConditionFailure } from './transaction-errors';
import { serviceItems } from './service-ledger-items';
import { serviceEvents } from '../domain/services/service-events';

type Items = NonNullable<TransactWriteCommandInput['TransactItems']>;
type Cancelled = Error & { CancellationReasons?: Array<{ Code?: string }> };

const trainingToItem = (t: TrainingRecord) => ({
  ...trainingKeys.item(t.id),
  ...trainingKeys.stationIndex(t.stationId, t.endsAt, t.id),
  entity: 'Training',
  ...t,
});
const changeItem = (trainingId: string, change: TrainingChange) => ({
  ...trainingKeys.change(trainingId, change.at, randomBytes(4).toString('hex')),
  entity: 'TrainingChange',
  trainingId,
  ...change,
});

/**
 * Many people signing up for one session at once all update the session's count: DynamoDB refuses the
 * transactions that collide (TransactionConflict). transactWrite retries a few; a seat rush needs more,
 * so a collision is retried here too, with growing jitter, before it becomes a 409.
 */
async function transactUntilSettled(input: TransactWriteCommandInput): Promise<'done' | Array<string | undefined>> {
  for (let attempt = 1; ; attempt++) {
    try {
      await transactWrite(input);
      return 'done';
    } catch (error) {
      const reasons = (error as Cancelled).CancellationReasons?.map((r) => r.Code);
      if (reasons?.includes('ConditionalCheckFailed')) return reasons;
      if (attempt < 8 && reasons?.includes('TransactionConflict')) {
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 40 * attempt));
        continue;
      }
      if (isConditionFailure(error)) return reasons ?? [];
      throw error;
    }
  }
}

export const dynamoTrainingRepository: TrainingRepository = {
  async create(training, change) {
    await transactWrite({
      TransactItems: [
        { Put: { TableName: tableName(), Item: trainingToItem(training), ConditionExpression: 'attribute_not_exists(PK)' } },
        { Put: { TableName: tableName(), Item: changeItem(training.id, change) } },
      ],
    });
  },

  async get(id) {
    const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: trainingKeys.item(id), ConsistentRead: true }));
    return Item ? stripKeys<TrainingRecord>(Item) : null;
  },

  listOfStation: (stationId, when, now, page) =>
    queryPage(
      {
        IndexName: INDEX.GSI1,
        KeyConditionExpression: when === 'upcoming' ? 'GSI1PK = :pk AND GSI1SK >= :now' : 'GSI1PK = :pk AND GSI1SK < :now',
        ExpressionAttributeValues: { ':pk': trainingKeys.ofStation(stationId), ':now': now },
        ScanIndexForward: when === 'upcoming',
      },
      page,
      `trainings:${stationId}:${when}`,
      (item) => stripKeys<TrainingRecord>(item),
    ),

  async update(training, changes, change) {
    //  session v=N ──(version = N, capacity >= signedUpCount)──> v=N+1 + change record
    // The count is the stored one (sign-ups move it without a version), so a smaller capacity is checked here.
    const next: TrainingRecord = { ...training, ...changes, version: training.version + 1 };
    const sets = Object.keys(changes).filter((f) => f !== 'signedUpCount' && f !== 'attendedCount');
    const names = Object.fromEntries([...sets, 'version'].map((f) => [`#${f}`, f]));
    const values: Record<string, unknown> = Object.fromEntries(sets.map((f) => [`:${f}`, (next as unknown as Record<string, unknown>)[f]]));
    const indexMoves = changes.endsAt ? trainingKeys.stationIndex(training.stationId, next.endsAt, training.id) : null;
    try {
      await transactWrite({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: trainingKeys.item(training.id),
              UpdateExpression: `SET ${[...sets.map((f) => `#${f} = :${f}`), '#version = :next', ...(indexMoves ? ['GSI1SK = :gsi1sk'] : [])].join(', ')}`,
              ConditionExpression: `#version = :expected${changes.capacity !== undefined ? ' AND signedUpCount <= :capacity' : ''}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: {
                ...values,
                ':next': next.version,
                ':expected': training.version,
                ...(indexMoves ? { ':gsi1sk': indexMoves.GSI1SK } : {}),
              },
            },
          },
          { Put: { TableName: tableName(), Item: changeItem(training.id, change) } },
        ],
      });
    } catch (error) {
      if (isConditionFailure(error)) return null;
      throw error;
    }
    return this.get(training.id);
  },

  async signUp(training, signup, now) {
    const items: Items = [
      {
        Put: {
          TableName: tableName(),
          Item: { ...trainingKeys.signup(training.id, signup.personId), entity: 'TrainingSignup', ...signup },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: trainingKeys.item(training.id),
          UpdateExpression: 'ADD signedUpCount :one',
          ConditionExpression: '#status = :scheduled AND endsAt > :now AND signedUpCount < #capacity',
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ':one': 1, ':scheduled': 'SCHEDULED', ':now': now },
        },
      },
    ];
    const outcome = await transactUntilSettled({ TransactItems: items });
    if (outcome === 'done') return 'signed_up';
    return outcome[0] === 'ConditionalCheckFailed' ? 'already' : 'refused';
  },

  async cancelSignup(trainingId, personId) {
    const outcome = await transactUntilSettled({
      TransactItems: [
        { Delete: { TableName: tableName(), Key: trainingKeys.signup(trainingId, personId), ConditionExpression: 'attribute_exists(PK)' } },
        {
          Update: {
            TableName: tableName(),
            Key: trainingKeys.item(trainingId),
            UpdateExpression: 'ADD signedUpCount :minus',
            ExpressionAttributeValues: { ':minus': -1 },
          },
        },
      ],
    });
    return outcome === 'done';
  },

  async getSignup(trainingId, personId) {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: trainingKeys.signup(trainingId, personId), ConsistentRead: true }),
    );
    return Item ? stripKeys<SignupRecord>(Item) : null;
  },

  async getCheckin(trainingId, personId) {
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: trainingKeys.checkin(trainingId, personId), ConsistentRead: true }),
    );
    return Item ? stripKeys<CheckinRecord>(Item) : null;
  },

  async checkIn(training, checkin, now, minutes) {
    const items: Items = [
      {
        Put: {
          TableName: tableName(),
          Item: { ...trainingKeys.checkin(training.id, checkin.personId), entity: 'TrainingCheckin', ...checkin },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: trainingKeys.item(training.id),
          UpdateExpression: 'ADD attendedCount :one',
          ConditionExpression: '#status = :scheduled AND endsAt >= :now',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':one': 1, ':scheduled': 'SCHEDULED', ':now': now },
        },
      },
    ];
    // The attendance is a service of the station (issue 15's ledger), recorded in this same transaction, so it
    // counts exactly when the check-in does: served by the officer who checked the person in, else the scheduler.
    const servedBy = checkin.by === 'officer' ? checkin.byUserId : training.createdBy;
    items.push(
      ...serviceItems(
        tableName(),
        serviceEvents.trainingAttended(training.id, { ...checkin, id: checkin.personId }, training.stationId, servedBy, checkin.at),
      ),
    );
    if (minutes) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: officerHoursKeys.month(minutes.userId, minutes.month),
          UpdateExpression: 'SET entity = :entity, userId = :user, #month = :month ADD #minutes :minutes, sessions :one',
          ExpressionAttributeNames: { '#month': 'month', '#minutes': minutes.kind === 'gave' ? 'gaveMinutes' : 'attendedMinutes' },
          ExpressionAttributeValues: {
            ':entity': 'OfficerTrainingMonth',
            ':user': minutes.userId,
            ':month': minutes.month,
            ':minutes': minutes.minutes,
            ':one': 1,
          },
        },
      });
    }
    const outcome = await transactUntilSettled({ TransactItems: items });
    if (outcome === 'done') return 'checked_in';
    return outcome[0] === 'ConditionalCheckFailed' ? 'already' : 'refused';
  },

  async peopleOf(trainingId) {
    const items = await queryAll(
      {
        // CHANGE#, CHECKIN#, SIGNUP#: everything sorting before the session item itself.
        KeyConditionExpression: 'PK = :pk AND SK < :session',
        ExpressionAttributeValues: { ':pk': trainingKeys.partition(trainingId), ':session': trainingKeys.item(trainingId).SK },
        ConsistentRead: true,
      },
      (item) => item,
    );
    const of = <T>(prefix: string) => items.filter((i) => String(i.SK).startsWith(prefix)).map((i) => stripKeys<T>(i));
    return {
      signups: of<SignupRecord>('SIGNUP#').sort((a, b) => a.at.localeCompare(b.at)),
      checkins: of<CheckinRecord>('CHECKIN#').sort((a, b) => a.at.localeCompare(b.at)),
      changes: of<TrainingChange & { trainingId?: string }>('CHANGE#').map(({ trainingId: _t, ...c }) => c),
    };
  },

  async officerMonths(userId, fromMonth, toMonth) {
    const { Items = [] } = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': officerHoursKeys.partition(userId), ':from': `MONTH#${fromMonth}`, ':to': `MONTH#${toMonth}` },
      }),
    );
    return Items.map((i) => ({
      month: String(i.month),
      attendedMinutes: Number(i.attendedMinutes ?? 0),
      gaveMinutes: Number(i.gaveMinutes ?? 0),
      sessions: Number(i.sessions ?? 0),
    })) as OfficerMonth[];
  },
};
