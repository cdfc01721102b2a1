/**
 * Training sessions (issue 15) on DynamoDB Local, counting what is stored: capacity under 50 concurrent
 * sign-ups, one sign-up per person, one check-in per person under 20 concurrent scans and only inside the
 * window, officers checking in a person without a phone, officers' minutes per month, the change history,
 * cancellation, and the `trainingAttended` event the service ledger consumes.
 */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { officerHoursKeys, serviceKeys, statsKeys, trainingKeys } from '../../functions/data/keys';
import { dynamoHouseholdRepository } from '../../functions/data/households-repository';
import { dynamoTrainingRepository } from '../../functions/data/trainings-repository';
import { dynamoUserRepository } from '../../functions/data/users-repository';
import { checkIn } from '../../functions/domain/training/training-checkin';
import { createTraining } from '../../functions/domain/training/training-schedule';
import { dynamoStationRepository } from '../../functions/data/stations-repository';
import type { TrainingAttendedEvent } from '../../functions/domain/training/training-events';
import { countItems } from '../harness/count';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO, YUSHU } from '../harness/payments';
import { checkinTokenOf, scheduleSession, sessionBody, trainingCall } from '../harness/training';
import { createUser } from '../harness/users';

let table: Awaited<ReturnType<typeof useFreshTable>>;
let officer: Awaited<ReturnType<typeof officerOf>>;
let householdId: string;

const villager = () => createUser(table.doc, table.tableName, { role: 'villager' });
const rowsOf = async (trainingId: string, entity: string) => {
  const { Items = [] } = await table.doc.send(
    new QueryCommand({
      TableName: table.tableName,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'entity = :entity',
      ExpressionAttributeValues: { ':pk': trainingKeys.partition(trainingId), ':entity': entity },
      ConsistentRead: true,
    }),
  );
  return Items;
};
const session = async (trainingId: string) =>
  (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: trainingKeys.item(trainingId), ConsistentRead: true }))).Item!;

beforeAll(async () => {
  table = await useFreshTable('training');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode, YUSHU.villageCode]);
  officer = await officerOf(table.doc, table.tableName, TUQIAO);
  const household = await invoke(handlers.payments, {
    method: 'POST',
    path: `/stations/${TUQIAO.id}/households`,
    headers: officer.auth,
    body: { headName: '多杰', consent: true, allowDuplicate: true },
  });
  expect(household.status).toBe(201);
  householdId = household.json.id;
});

describe('scheduling', () => {
  it('an officer schedules at their station; another station’s officer, an admin outside and a villager cannot (404/403), nothing written', async () => {
    const created = await trainingCall(officer, 'POST', '/trainings', sessionBody(TUQIAO.id));
    expect([created.status, created.json.status, created.json.signedUpCount, created.json.topic]).toEqual([201, 'SCHEDULED', 0, 'phone_skills']);
    expect(created.raw).not.toContain('checkinToken');
    const other = await officerOf(table.doc, table.tableName, YUSHU);
    const outsider = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '632701' });
    const someone = await villager();
    const before = await countItems(table.doc, table.tableName);
    for (const caller of [other, outsider]) {
      expect((await trainingCall(caller, 'POST', '/trainings', sessionBody(TUQIAO.id))).status).toBe(404);
    }
    expect((await trainingCall(someone, 'POST', '/trainings', sessionBody(TUQIAO.id))).status).toBe(403);
    const bad = await trainingCall(officer, 'POST', '/trainings', sessionBody(TUQIAO.id, { endsAt: new Date(Date.now() - 60_000).toISOString() }));
    expect([bad.status, bad.json.error.details[0].path]).toEqual([400, 'body.endsAt']);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
  });

  it('an admin over the region edits and cancels; each change is recorded with who and when; those signed up see it cancelled', async () => {
    const id = await scheduleSession(officer, TUQIAO.id);
    const admin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: '630202', name: '王主任' });
    const person = await villager();
    expect((await trainingCall(person, 'POST', `/trainings/${id}/signups`, {})).status).toBe(201);
    const edited = await trainingCall(admin, 'PATCH', `/trainings/${id}`, { capacity: 12, trainer: '赵兽医' });
    expect([edited.status, edited.json.capacity, edited.json.trainer]).toEqual([200, 12, '赵兽医']);
    const cancelled = await trainingCall(officer, 'POST', `/trainings/${id}/cancel`, { reason: '下雪路断' });
    expect([cancelled.status, cancelled.json.status]).toEqual([200, 'CANCELLED']);
    const seen = await trainingCall(person, 'GET', `/trainings/${id}`);
    expect([seen.json.status, seen.json.cancelReason, seen.json.mine]).toEqual(['CANCELLED', '下雪路断', { signedUp: true, checkedInAt: null }]);
    const view = await trainingCall(officer, 'GET', `/trainings/${id}/attendance`);
    expect(view.json.history.map((h: { action: string; fields: string[]; by: string }) => [h.action, h.fields, h.by])).toEqual([
      ['created', [], '才让'],
      ['updated', ['capacity', 'trainer'], '王主任'],
      ['cancelled', ['cancelReason', 'status'], '才让'],
    ]);
    expect((await rowsOf(id, 'TrainingChange')).map((c) => typeof c.at)).toEqual(['string', 'string', 'string']);
    // A cancelled session takes no one, and cannot be edited again.
    const late = await trainingCall(await villager(), 'POST', `/trainings/${id}/signups`, {});
    expect([late.status, late.json.error.code]).toEqual([409, 'CONFLICT']);
    expect((await trainingCall(officer, 'PATCH', `/trainings/${id}`, { capacity: 20 })).status).toBe(409);
    expect((await session(id)).signedUpCount).toBe(1);
  });

  it('a capacity below the people signed up is 400 and changes nothing', async () => {
    const id = await scheduleSession(officer, TUQIAO.id);
    for (let i = 0; i < 3; i++) expect((await trainingCall(await villager(), 'POST', `/trainings/${id}/signups`, {})).status).toBe(201);
    const res = await trainingCall(officer, 'PATCH', `/trainings/${id}`, { capacity: 2 });
    expect([res.status, res.json.error.details[0].path]).toEqual([400, 'body.capacity']);
    expect((await session(id)).capacity).toBe(30);
  });

  it('a station’s list is public: upcoming soonest first, paginated; ended ones under when=past', async () => {
    const yushuOfficer = await officerOf(table.doc, table.tableName, YUSHU);
    const later = await scheduleSession(yushuOfficer, YUSHU.id, { title: '后天' }, 2 * 24 * 60);
    const sooner = await scheduleSession(yushuOfficer, YUSHU.id, { title: '明天' }, 24 * 60);
    const soonest = await scheduleSession(yushuOfficer, YUSHU.id, { title: '今天' }, 60);
    const dayAgo = new Date(Date.now() - 26 * 3600_000);
    const past = await createTraining(
      { trainings: dynamoTrainingRepository, stations: dynamoStationRepository, now: () => new Date(dayAgo.getTime() - 3600_000) },
      { userId: yushuOfficer.user.id, role: 'officer', stationId: YUSHU.id },
      {
        ...sessionBody(YUSHU.id),
        topic: 'farming_tech',
        startsAt: dayAgo.toISOString(),
        endsAt: new Date(dayAgo.getTime() + 3600_000).toISOString(),
        capacity: 5,
      },
    );
    const first = await invoke(handlers.training, { path: '/trainings', query: { stationId: YUSHU.id, limit: '2' } });
    expect([first.status, first.json.items.map((t: { id: string }) => t.id)]).toEqual([200, [soonest, sooner]]);
    const second = await invoke(handlers.training, { path: '/trainings', query: { stationId: YUSHU.id, limit: '2', cursor: first.json.nextCursor } });
    expect(second.json.items.map((t: { id: string }) => t.id)).toEqual([later]);
    const ended = await invoke(handlers.training, { path: '/trainings', query: { stationId: YUSHU.id, when: 'past' } });
    expect(ended.json.items.map((t: { id: string }) => t.id)).toEqual([past.id]);
  });
});

describe('sign-ups', () => {
  it('50 concurrent sign-ups for 10 seats: never oversubscribed, the stored rows match the count', async () => {
    const id = await scheduleSession(officer, TUQIAO.id, { capacity: 10 });
    const people = await Promise.all(Array.from({ length: 50 }, () => villager()));
    const answers = await Promise.all(people.map((p) => trainingCall(p, 'POST', `/trainings/${id}/signups`, {})));
    const rows = await rowsOf(id, 'TrainingSignup');
    const stored = await session(id);
    const statuses = answers.map((a) => a.status);
    expect(rows.length).toBe(10);
    expect(stored.signedUpCount).toBe(10);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(
      answers
        .filter((a) => a.status !== 201)
        .map((a) => a.json.error.code)
        .every((c) => c === 'TRAINING_FULL' || c === 'CONFLICT'),
    ).toBe(true);
    expect(new Set(rows.map((r) => r.userId)).size).toBe(10);
  });

  it('once per person (10 concurrent sign-ups of one villager: one row, one seat); cancelling frees the seat', async () => {
    const id = await scheduleSession(officer, TUQIAO.id, { capacity: 5 });
    const person = await villager();
    const answers = await Promise.all(Array.from({ length: 10 }, () => trainingCall(person, 'POST', `/trainings/${id}/signups`, {})));
    expect(answers.every((a) => a.status === 201 || a.status === 409)).toBe(true);
    expect((await rowsOf(id, 'TrainingSignup')).length).toBe(1);
    expect((await session(id)).signedUpCount).toBe(1);
    const cancelled = await trainingCall(person, 'DELETE', `/trainings/${id}/signups/mine`);
    expect([cancelled.status, cancelled.json.mine.signedUp, cancelled.json.signedUpCount]).toEqual([200, false, 0]);
    const again = await trainingCall(person, 'DELETE', `/trainings/${id}/signups/mine`);
    expect([again.status, again.json.signedUpCount]).toEqual([200, 0]);
    expect((await rowsOf(id, 'TrainingSignup')).length).toBe(0);
  });

  it('the officer signs up a household member by name and phone (stored, answered masked); another station’s household is 404', async () => {
    const id = await scheduleSession(officer, TUQIAO.id);
    const res = await trainingCall(officer, 'POST', `/trainings/${id}/signups`, { householdId, name: '卓玛', phone: '13912345678' });
    expect([res.status, res.json.signedUpCount]).toEqual([201, 1]);
    const view = await trainingCall(officer, 'GET', `/trainings/${id}/attendance`);
    expect(view.json.people).toEqual([
      expect.objectContaining({ name: '卓玛', phoneMasked: '139****5678', signedUpBy: 'officer', checkedInAt: null }),
    ]);
    expect(view.raw).not.toContain('13912345678');
    const yushuOfficer = await officerOf(table.doc, table.tableName, YUSHU);
    const someone = await villager();
    const before = await countItems(table.doc, table.tableName);
    const foreign = await trainingCall(yushuOfficer, 'POST', `/trainings/${id}/signups`, { householdId, name: '卓玛' });
    const villagerForOthers = await trainingCall(someone, 'POST', `/trainings/${id}/signups`, { householdId, name: '拉姆' });
    expect([foreign.status, villagerForOthers.status]).toEqual([404, 404]);
    expect(await countItems(table.doc, table.tableName)).toBe(before);
  });
});

describe('check-ins', () => {
  it('20 concurrent scans of the same person: one check-in row, counted once, one trainingAttended event', async () => {
    const id = await scheduleSession(officer, TUQIAO.id);
    const token = await checkinTokenOf(officer, id);
    const person = await villager();
    expect((await trainingCall(person, 'POST', `/trainings/${id}/signups`, {})).status).toBe(201);
    const events: TrainingAttendedEvent[] = [];
    const deps = {
      trainings: dynamoTrainingRepository,
      users: dynamoUserRepository,
      households: dynamoHouseholdRepository,
      onAttended: (e: TrainingAttendedEvent) => void events.push(e),
    };
    const caller = { userId: person.user.id, role: 'villager' as const };
    const answers = await Promise.allSettled(Array.from({ length: 20 }, () => checkIn(deps, caller, id, { token })));
    expect(answers.filter((a) => a.status === 'fulfilled').length).toBeGreaterThan(0);
    expect((await rowsOf(id, 'TrainingCheckin')).length).toBe(1);
    expect((await session(id)).attendedCount).toBe(1);
    expect(events).toEqual([
      {
        type: 'training',
        trainingId: id,
        stationId: TUQIAO.id,
        stationVillageCode: TUQIAO.villageCode,
        officerId: officer.user.id,
        householdId: null,
        userId: person.user.id,
        at: expect.any(String),
      },
    ]);
    // Over HTTP too: 20 more scans add nothing, each answers `already`.
    const http = await Promise.all(Array.from({ length: 20 }, () => trainingCall(person, 'POST', `/trainings/${id}/checkins`, { token })));
    expect(http.filter((a) => a.status === 200).every((a) => a.json.already === true)).toBe(true);
    expect((await rowsOf(id, 'TrainingCheckin')).length).toBe(1);
    // The attendance is one service of the station (issue 15's ledger), written in the check-in's transaction.
    const attended = events[0];
    const { Items: services = [] } = await table.doc.send(
      new QueryCommand({
        TableName: table.tableName,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': serviceKeys.station(TUQIAO.id) },
      }),
    );
    const trainingServices = services.filter((item) => item.type === 'training' && String(item.id).includes(id));
    expect(trainingServices.map((item) => [item.userId, item.officerId])).toEqual([[person.user.id, officer.user.id]]);
    const day = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: statsKeys.stationDay(TUQIAO.id, trainingServices[0].date) }));
    expect(day.Item).toBeDefined();
    expect(attended.at).toBe(trainingServices[0].at);
    const mine = await trainingCall(person, 'GET', `/trainings/${id}`);
    expect(mine.json.mine).toEqual({ signedUp: true, checkedInAt: expect.any(String) });
  });

  it('only inside the window: before 30 minutes ahead of the start it is 409 CHECKIN_CLOSED and nothing is written; a wrong token is 404', async () => {
    const id = await scheduleSession(officer, TUQIAO.id, {}, 45);
    const token = await checkinTokenOf(officer, id);
    const person = await villager();
    const before = await countItems(table.doc, table.tableName);
    const early = await trainingCall(person, 'POST', `/trainings/${id}/checkins`, { token });
    expect([early.status, early.json.error.code]).toEqual([409, 'CHECKIN_CLOSED']);
    const other = await scheduleSession(officer, TUQIAO.id);
    const countAfterSchedule = await countItems(table.doc, table.tableName);
    const wrong = await trainingCall(person, 'POST', `/trainings/${other}/checkins`, { token });
    expect(wrong.status).toBe(404);
    expect(countAfterSchedule - before).toBe(2); // only the second session and its change record
    expect(await countItems(table.doc, table.tableName)).toBe(countAfterSchedule);
    // The same session 20 minutes later (its window open): the scan counts.
    const inWindow = await checkIn(
      {
        trainings: dynamoTrainingRepository,
        users: dynamoUserRepository,
        households: dynamoHouseholdRepository,
        now: () => new Date(Date.now() + 20 * 60_000),
      },
      { userId: person.user.id, role: 'villager' },
      id,
      { token },
    );
    expect(inWindow.already).toBe(false);
    // After its end: closed again.
    await expect(
      checkIn(
        {
          trainings: dynamoTrainingRepository,
          users: dynamoUserRepository,
          households: dynamoHouseholdRepository,
          now: () => new Date(Date.now() + 200 * 60_000),
        },
        { userId: (await villager()).user.id, role: 'villager' },
        id,
        { token },
      ),
    ).rejects.toMatchObject({ code: 'CHECKIN_CLOSED' });
    expect((await rowsOf(id, 'TrainingCheckin')).length).toBe(1);
  });

  it('the officer checks in a person without a phone (signed up, or by name), once; another station’s officer cannot', async () => {
    const id = await scheduleSession(officer, TUQIAO.id);
    const signup = await trainingCall(officer, 'POST', `/trainings/${id}/signups`, { householdId, name: '才让卓玛' });
    expect(signup.status).toBe(201);
    const signupId = (await trainingCall(officer, 'GET', `/trainings/${id}/attendance`)).json.people[0].signupId;
    const yushuOfficer = await officerOf(table.doc, table.tableName, YUSHU);
    expect((await trainingCall(yushuOfficer, 'POST', `/trainings/${id}/checkins`, { signupId })).status).toBe(404);
    const first = await trainingCall(officer, 'POST', `/trainings/${id}/checkins`, { signupId });
    const twice = await trainingCall(officer, 'POST', `/trainings/${id}/checkins`, { signupId });
    const walkIn = await trainingCall(officer, 'POST', `/trainings/${id}/checkins`, { householdId, name: '多杰' });
    expect([first.status, first.json.already, twice.json.already, walkIn.status, walkIn.json.name]).toEqual([200, false, true, 200, '多杰']);
    const people = (await trainingCall(officer, 'GET', `/trainings/${id}/attendance`)).json.people;
    expect(people.map((p: { name: string; checkedInBy: string; signedUpBy: string | null }) => [p.name, p.checkedInBy, p.signedUpBy])).toEqual([
      ['才让卓玛', 'officer', 'officer'],
      ['多杰', 'officer', null],
    ]);
    expect((await rowsOf(id, 'TrainingCheckin')).length).toBe(2);
    expect((await session(id)).attendedCount).toBe(2);
  });

  it('officers’ own training minutes: attended and given, per Asia/Shanghai month, once per session', async () => {
    const trainer = await officerOf(table.doc, table.tableName, TUQIAO, '拉毛');
    const given = await scheduleSession(trainer, TUQIAO.id, { trainerIsMe: true });
    const attended = await scheduleSession(officer, TUQIAO.id);
    const colleague = await officerOf(table.doc, table.tableName, YUSHU, '更登');
    await Promise.all(
      [1, 2, 3].map(async () => trainingCall(trainer, 'POST', `/trainings/${given}/checkins`, { token: await checkinTokenOf(trainer, given) })),
    );
    expect(
      (await trainingCall(colleague, 'POST', `/trainings/${attended}/checkins`, { token: await checkinTokenOf(officer, attended) })).status,
    ).toBe(200);
    const month = new Date(Date.now() + 8 * 3600_000 + 10 * 60_000).toISOString().slice(0, 7);
    const hours = await trainingCall(trainer, 'GET', '/me/training-hours', undefined, { from: month, to: month });
    expect(hours.json).toEqual({ userId: trainer.user.id, months: [{ month, attendedMinutes: 0, gaveMinutes: 120, sessions: 1 }] });
    const stored = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: officerHoursKeys.month(colleague.user.id, month) }));
    expect([stored.Item?.attendedMinutes, stored.Item?.sessions]).toEqual([120, 1]);
    const six = await trainingCall(colleague, 'GET', '/me/training-hours');
    expect(six.json.months).toHaveLength(6);
  });
});
