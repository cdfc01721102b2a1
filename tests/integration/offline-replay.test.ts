/**
 * The officer's offline queue (the phone's own code) replayed against the real handlers on DynamoDB
 * Local, interrupted three ways (an answer lost, a reload with a request in flight, the network gone
 * before sending), each followed by a new page resuming the same stored queue: every action is stored
 * exactly once (rows counted), nothing is left pending, nothing refused. bench/offline-replay.ts runs
 * the same with 200 actions over the HTTP stack.
 */
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { copyStations, officerOf, TUQIAO } from '../harness/payments';
import { createUser } from '../harness/users';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import {
  offlineActions,
  offlineTrainingActions,
  replayWithInterruptions,
  storedRows,
  storedTrainingRows,
  type Transport,
} from '../harness/offline-replay';
import { scheduleSession } from '../harness/training';

let table: Awaited<ReturnType<typeof useFreshTable>>;

beforeAll(async () => {
  table = await useFreshTable('replay');
  await copyStations(table.doc, table.tableName, [TUQIAO.villageCode]);
  await copyRegionChain(table.doc, table.tableName, TUQIAO.villageCode);
});

async function alertWithHouseholds(officer: { auth: Record<string, string> }, households: number) {
  const county = TUQIAO.villageCode.slice(0, 6);
  const admin = await createUser(table.doc, table.tableName, { role: 'county_admin', regionCode: county });
  const feedId = await feedIn('PUBLISHED', await expertOf(table.doc, table.tableName, county), admin, feedBody(county, { requiresAck: true }));
  const householdIds: string[] = [];
  for (let n = 0; n < households; n++) {
    const res = await invoke(handlers.payments, {
      method: 'POST',
      path: `/stations/${TUQIAO.id}/households`,
      headers: officer.auth,
      body: { headName: `户主${n}`, consent: true, allowDuplicate: true },
    });
    expect(res.status).toBe(201);
    householdIds.push(res.json.id);
  }
  return { feedId, householdIds };
}

describe('offline replay: exactly once through interruptions', () => {
  it('30 queued actions (20 consultations, 10 informed marks) are stored once each after three interrupted replays', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO, `离线${Date.now() % 1000}`);
    const { feedId, householdIds } = await alertWithHouseholds(officer, 10);
    const transport: Transport = (action) =>
      invoke(action.path.endsWith('/consultations') ? handlers.services : handlers.feeds, {
        method: action.method,
        path: action.path,
        headers: { ...officer.auth, 'idempotency-key': action.key },
        body: action.body,
      });
    const actions = offlineActions({ stationId: TUQIAO.id, feedId, householdIds, consultations: 20 });
    expect(await storedRows(table.doc, table.tableName, officer.user.id, feedId)).toEqual({ consultations: 0, informed: 0 });

    const report = await replayWithInterruptions(transport, actions, [
      { afterAnswers: 8, kind: 'answer-lost' },
      { afterAnswers: 14, kind: 'in-flight-reload' },
      { afterAnswers: 20, kind: 'not-sent' },
    ]);

    expect({ pending: report.pending, conflicts: report.conflicts }).toEqual({ pending: 0, conflicts: 0 });
    expect(report.pages).toBeGreaterThanOrEqual(4);
    // More requests than actions: the lost answer and the in-flight one were sent again with their keys.
    expect(report.requests).toBeGreaterThan(actions.length);
    expect(await storedRows(table.doc, table.tableName, officer.user.id, feedId)).toEqual({ consultations: 20, informed: 10 });
  });

  it('a session held without signal: 8 sign-ups and 8 check-ins by name are stored once each after three interrupted replays', async () => {
    const officer = await officerOf(table.doc, table.tableName, TUQIAO, `培训${Date.now() % 1000}`);
    const trainingId = await scheduleSession(officer, TUQIAO.id);
    const { householdIds } = await alertWithHouseholds(officer, 8);
    const transport: Transport = (action) =>
      invoke(handlers.training, {
        method: action.method,
        path: action.path,
        headers: { ...officer.auth, 'idempotency-key': action.key },
        body: action.body,
      });
    const actions = offlineTrainingActions({ trainingId, householdIds });
    expect(await storedTrainingRows(table.doc, table.tableName, trainingId)).toEqual({
      signups: 0,
      checkins: 0,
      signedUpCount: 0,
      attendedCount: 0,
      attendanceServices: 0,
    });

    const report = await replayWithInterruptions(transport, actions, [
      { afterAnswers: 3, kind: 'answer-lost' },
      { afterAnswers: 7, kind: 'in-flight-reload' },
      { afterAnswers: 11, kind: 'not-sent' },
    ]);

    expect({ pending: report.pending, conflicts: report.conflicts }).toEqual({ pending: 0, conflicts: 0 });
    expect(report.requests).toBeGreaterThan(actions.length);
    expect(await storedTrainingRows(table.doc, table.tableName, trainingId)).toEqual({
      signups: 8,
      checkins: 8,
      signedUpCount: 8,
      attendedCount: 8,
      attendanceServices: 8,
    });
  });
});
