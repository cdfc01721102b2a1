/**
 * Subscribe messages for alerts (issue 11) on DynamoDB Local, counting stored rows: users record the
 * templates they accepted (/me/subscriptions), an alert's publish queues it, and the notifier sends
 * one message per subscriber whose village the alert reaches (region prefix + area type), each
 * consuming one allowance, through the local adapter that records what WeChat would get.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_ANSWER_TEMPLATE_ID, LOCAL_ALERT_TEMPLATE_ID } from '../../functions/config/notify';
import { LOCAL_MESSAGE_ENTITY, recordedMessages } from '../../functions/adapters/local-subscribe-message';
import { dynamoFeedRepository } from '../../functions/data/feeds-repository';
import { alertOutboxKeys, alertSendKeys, regionKeys, subscriptionKeys } from '../../functions/data/keys';
import { ALERT_SEND_ENTITY, dynamoAlertOutbox, dynamoSubscriptionRepository } from '../../functions/data/subscriptions-repository';
import { notifyAlert } from '../../functions/domain/notify/alert-notifier';
import { notifierDeps, runNotifier } from '../../functions/jobs/notifier';
import { SUBSCRIPTION_CAP } from '../../shared';
import { countEntities } from '../harness/count';
import { copyRegionChain, expertOf, feedBody, feedIn } from '../harness/feeds';
import { useFreshTable } from '../harness/fresh-table';
import { handlers } from '../harness/handlers';
import { invoke } from '../harness/invoke';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { copyStations } from '../harness/payments';
import { snapshotTable } from '../harness/snapshot';
import { createUser } from '../harness/users';

type User = Awaited<ReturnType<typeof createUser>>;

const COUNTY = '630202'; // 乐都区, 海东市: farming by the seed rule
const IN_COUNTY = ['630202002200', '630202002201', '630202002214'];
/** In the county, but corrected to pastoral: a farming alert does not reach it. */
const PASTORAL_IN_COUNTY = '630202002202';
const OUTSIDE = ['630203001200', '632701001201']; // 平安区 (same prefecture), 玉树市
/** Villages of their own for the later tests, so the first test's subscribers are not reached again. */
const OWN = {
  recording: '630203001202',
  manyAlerts: '630203001201',
  manyRuns: '630202002203',
  refusing: '630202002204',
  pages: '630202002205',
  plain: '630202002206',
};
const VILLAGES = [...IN_COUNTY, PASTORAL_IN_COUNTY, ...OUTSIDE, ...Object.values(OWN)];

let table: Awaited<ReturnType<typeof useFreshTable>>;
let admin: User;
let expert: User;

const subscriptions = (user: User, method: 'GET' | 'POST' = 'GET', body?: unknown) =>
  invoke(handlers.notify, { method, path: '/me/subscriptions', headers: user.auth, body });

/** A villager whose home station is at `villageCode`, having accepted the alert template `accepts` times. */
async function subscriber(villageCode: string, accepts = 1, openid?: string): Promise<User> {
  const user = await createUser(table.doc, table.tableName, { role: 'villager', ...(openid ? { openid } : {}) });
  const home = await invoke(handlers.auth, {
    method: 'PUT',
    path: '/me/home-station',
    headers: user.auth,
    body: { stationId: stationIdForVillage(villageCode) },
  });
  expect(home.status).toBe(200);
  for (let i = 0; i < accepts; i++) expect((await subscriptions(user, 'POST', { accepted: [LOCAL_ALERT_TEMPLATE_ID] })).status).toBe(200);
  return user;
}

const remainingOf = async (user: User) => (await subscriptions(user)).json.items[0].remaining as number;
const sendRecord = async (feedId: string, user: User) =>
  (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertSendKeys.item(feedId, user.user.id), ConsistentRead: true }))).Item;
/** The recorded messages per recipient openid. */
async function messagesByOpenid(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await recordedMessages(1000)) counts.set(m.request.touser, (counts.get(m.request.touser) ?? 0) + 1);
  return counts;
}

beforeAll(async () => {
  table = await useFreshTable('notify');
  await copyStations(table.doc, table.tableName, VILLAGES);
  for (const village of VILLAGES) await copyRegionChain(table.doc, table.tableName, village);
  const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: regionKeys.item(PASTORAL_IN_COUNTY) }));
  await table.doc.send(new PutCommand({ TableName: table.tableName, Item: { ...Item, areaType: 'pastoral' } }));
  admin = await createUser(table.doc, table.tableName, { role: 'province_admin', regionCode: '63' });
  expert = await expertOf(table.doc, table.tableName, '63');
});

describe('recording what a user allowed (/me/subscriptions)', () => {
  it('offers the alert template; each accept is one message, capped; the allowance sits in the index under the user’s village', async () => {
    const user = await createUser(table.doc, table.tableName, { role: 'villager' });
    const before = await subscriptions(user);
    expect(before.json).toEqual({
      located: false,
      items: [
        { kind: 'alert', templateId: LOCAL_ALERT_TEMPLATE_ID, remaining: 0, cap: SUBSCRIPTION_CAP },
        { kind: 'answer', templateId: LOCAL_ANSWER_TEMPLATE_ID, remaining: 0, cap: SUBSCRIPTION_CAP },
      ],
    });
    await invoke(handlers.auth, {
      method: 'PUT',
      path: '/me/home-station',
      headers: user.auth,
      body: { stationId: stationIdForVillage(OWN.recording) },
    });
    const once = await subscriptions(user, 'POST', { accepted: [LOCAL_ALERT_TEMPLATE_ID] });
    expect(once.json).toEqual({
      located: true,
      items: [
        { kind: 'alert', templateId: LOCAL_ALERT_TEMPLATE_ID, remaining: 1, cap: SUBSCRIPTION_CAP },
        { kind: 'answer', templateId: LOCAL_ANSWER_TEMPLATE_ID, remaining: 0, cap: SUBSCRIPTION_CAP },
      ],
    });
    for (let i = 0; i < SUBSCRIPTION_CAP + 2; i++) await subscriptions(user, 'POST', { accepted: [LOCAL_ALERT_TEMPLATE_ID] });
    expect(await remainingOf(user)).toBe(SUBSCRIPTION_CAP);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: subscriptionKeys.item(user.user.id, LOCAL_ALERT_TEMPLATE_ID) }),
    );
    expect(Item).toMatchObject({ remaining: SUBSCRIPTION_CAP, villageCode: OWN.recording, GSI1SK: `${OWN.recording}#${user.user.id}` });
    // Someone else's allowance is not the caller's.
    const other = await createUser(table.doc, table.tableName, { role: 'villager' });
    expect(await remainingOf(other)).toBe(0);
  });

  it('refuses a template the service does not ask for (400) and a user without a place (404), writing nothing', async () => {
    const located = await subscriber(OWN.recording, 0);
    const unlocated = await createUser(table.doc, table.tableName, { role: 'villager' });
    const before = await snapshotTable(table.doc, table.tableName);
    const unknown = await subscriptions(located, 'POST', { accepted: ['someone-elses-template'] });
    expect([unknown.status, unknown.json.error.code, unknown.json.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'body.accepted.0']);
    const nowhere = await subscriptions(unlocated, 'POST', { accepted: [LOCAL_ALERT_TEMPLATE_ID] });
    expect([nowhere.status, nowhere.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await subscriptions(located, 'POST', { accepted: [] })).status).toBe(400);
    expect(await snapshotTable(table.doc, table.tableName)).toEqual(before);
  });
});

describe('sending an alert to its subscribers', () => {
  it('a farming alert for the county: exactly its farming villages’ subscribers get one message each; a second run sends nothing more', async () => {
    const reached = [await subscriber(IN_COUNTY[0]), await subscriber(IN_COUNTY[1], 3), await subscriber(IN_COUNTY[2])];
    const missed = [await subscriber(PASTORAL_IN_COUNTY), await subscriber(OUTSIDE[0]), await subscriber(OUTSIDE[1])];
    const notSubscribed = await createUser(table.doc, table.tableName, { role: 'villager' });
    await invoke(handlers.auth, {
      method: 'PUT',
      path: '/me/home-station',
      headers: notSubscribed.auth,
      body: { stationId: stationIdForVillage(IN_COUNTY[0]) },
    });
    const sentBefore = await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY);

    const id = await feedIn(
      'PUBLISHED',
      expert,
      admin,
      feedBody(COUNTY, { urgent: true, areaTypes: ['farming'], title: '乐都区暴雪红色预警：请立即加固温室大棚并储备饲草' }),
    );
    // The publish only queued it: nothing is sent inside the publish.
    expect((await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertOutboxKeys.item(id) }))).Item).toBeDefined();
    expect(await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY)).toBe(sentBefore);

    const reports = await runNotifier();
    expect(reports.find((r) => r.feedId === id)).toMatchObject({ sent: reached.length, refused: 0, failed: 0, done: true });
    const byOpenid = await messagesByOpenid();
    expect(reached.map((u) => byOpenid.get(u.user.openid) ?? 0)).toEqual([1, 1, 1]);
    expect([...missed, notSubscribed].map((u) => byOpenid.get(u.user.openid) ?? 0)).toEqual([0, 0, 0, 0]);
    expect(await Promise.all(reached.map(remainingOf))).toEqual([0, 2, 0]);
    expect(await Promise.all(missed.map(remainingOf))).toEqual([1, 1, 1]);
    for (const u of reached) expect(await sendRecord(id, u)).toMatchObject({ outcome: 'sent', errcode: 0 });
    const message = (await recordedMessages(1000)).find((m) => m.request.touser === reached[0].user.openid)!.request;
    expect(message).toMatchObject({ template_id: LOCAL_ALERT_TEMPLATE_ID, page: `packages/feed/pages/item/index?id=${id}`, lang: 'zh_CN' });
    // WeChat's `thing` keyword takes 20 characters at most (47003 otherwise).
    expect([...message.data.thing1.value].length).toBeLessThanOrEqual(20);
    // The outbox is drained; queued again (or sent directly), the alert sends nothing more.
    expect((await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertOutboxKeys.item(id) }))).Item).toBeUndefined();
    const stored = await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY);
    await dynamoAlertOutbox.enqueue(id, new Date().toISOString());
    expect((await runNotifier()).find((r) => r.feedId === id)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await notifyAlert(notifierDeps(), id)).toMatchObject({ sent: 0, skipped: 1 });
    expect(await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY)).toBe(stored);
    expect(await Promise.all(reached.map(remainingOf))).toEqual([0, 2, 0]);
  });

  it('an alert is queued by its publish’s own transaction: a publish that loses its race queues nothing', async () => {
    const id = await feedIn('IN_REVIEW', expert, admin, feedBody(COUNTY, { requiresAck: true }));
    const feed = (await dynamoFeedRepository.get(id))!;
    const at = new Date().toISOString();
    const change = { status: 'PUBLISHED' as const, byUserId: admin.user.id, at, reason: null };
    const outboxOf = async () => (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertOutboxKeys.item(id) }))).Item;
    // Lost race (the item was not in that status): neither the publish nor the outbox entry is written.
    expect(await dynamoFeedRepository.transition(feed, ['DRAFT'], 'PUBLISHED', change, { publishedAt: at, queueAlert: true })).toBeNull();
    expect(await outboxOf()).toBeUndefined();
    // Won: both, in one write, with no notifier to wake.
    expect(await dynamoFeedRepository.transition(feed, ['IN_REVIEW'], 'PUBLISHED', change, { publishedAt: at, queueAlert: true })).not.toBeNull();
    expect(await outboxOf()).toMatchObject({ feedId: id, enqueuedAt: at });
    await runNotifier();
  });

  it('items that are not alerts, and alerts no longer published, send nothing', async () => {
    const user = await subscriber(OWN.plain, 2);
    const sent = await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY);
    const plain = await feedIn('PUBLISHED', expert, admin, feedBody(OWN.plain, { category: 'policy' }));
    expect((await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertOutboxKeys.item(plain) }))).Item).toBeUndefined();
    const retracted = await feedIn('RETRACTED', expert, admin, feedBody(OWN.plain, { requiresAck: true }));
    await runNotifier();
    expect(await notifyAlert(notifierDeps(), plain)).toMatchObject({ sent: 0, skipped: 0 });
    expect(await countEntities(table.doc, table.tableName, LOCAL_MESSAGE_ENTITY)).toBe(sent);
    expect(await sendRecord(retracted, user)).toBeUndefined();
    expect(await remainingOf(user)).toBe(2);
  });

  it('20 alerts at once to a user with one message allowed: one message, the allowance at 0 (never below) and out of the index', async () => {
    const village = OWN.manyAlerts;
    const user = await subscriber(village, 1);
    const ids = await Promise.all(Array.from({ length: 20 }, () => feedIn('PUBLISHED', expert, admin, feedBody(village, { requiresAck: true }))));
    const reports = await Promise.all(ids.map((id) => notifyAlert(notifierDeps(), id)));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect((await messagesByOpenid()).get(user.user.openid)).toBe(1);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: subscriptionKeys.item(user.user.id, LOCAL_ALERT_TEMPLATE_ID), ConsistentRead: true }),
    );
    expect(Item).toMatchObject({ remaining: 0 });
    expect(Item!.GSI1PK).toBeUndefined();
    expect(await countSendsOf(user, ids)).toBe(1);
  });

  it('one alert sent by 20 runs at once to a user with 5 allowed: one message, one allowance used', async () => {
    const village = OWN.manyRuns;
    const user = await subscriber(village, 5);
    const id = await feedIn('PUBLISHED', expert, admin, feedBody(village, { urgent: true }));
    const reports = await Promise.all(Array.from({ length: 20 }, () => notifyAlert(notifierDeps(), id)));
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(1);
    expect((await messagesByOpenid()).get(user.user.openid)).toBe(1);
    expect(await remainingOf(user)).toBe(4);
  });

  it('43101 (the user holds no subscription at WeChat): recorded as refused and the allowance cleared', async () => {
    const village = OWN.refusing;
    const user = await subscriber(village, 3, `o-${Date.now()}-refuses`);
    const id = await feedIn('PUBLISHED', expert, admin, feedBody(village, { requiresAck: true }));
    expect(await notifyAlert(notifierDeps(), id)).toMatchObject({ sent: 0, refused: 1 });
    expect(await sendRecord(id, user)).toMatchObject({ outcome: 'refused', errcode: 43101 });
    expect(await remainingOf(user)).toBe(0);
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: subscriptionKeys.item(user.user.id, LOCAL_ALERT_TEMPLATE_ID), ConsistentRead: true }),
    );
    expect(Item!.GSI1PK).toBeUndefined();
    // The next alert there does not even read them.
    const next = await feedIn('PUBLISHED', expert, admin, feedBody(village, { requiresAck: true }));
    expect(await notifyAlert(notifierDeps(), next)).toMatchObject({ sent: 0, refused: 0, skipped: 0 });
  });

  it('a fan-out larger than a page goes page by page and resumes from the outbox’s progress', async () => {
    const village = OWN.pages;
    const users = await Promise.all(Array.from({ length: 7 }, () => subscriber(village, 1)));
    const id = await feedIn('PUBLISHED', expert, admin, feedBody(village, { urgent: true }));
    // A run that stops after its first page (the deadline has passed) leaves its progress in the outbox.
    const first = await notifyAlert({ ...notifierDeps(), pageSize: 3 }, id, { deadline: 0 });
    expect(first).toMatchObject({ done: false });
    const { Item } = await table.doc.send(new GetCommand({ TableName: table.tableName, Key: alertOutboxKeys.item(id), ConsistentRead: true }));
    expect(typeof Item?.after).toBe('string');
    const rest = await notifyAlert({ ...notifierDeps(), pageSize: 3 }, id, { after: Item!.after as string });
    expect(first.sent + rest.sent).toBe(users.length);
    const byOpenid = await messagesByOpenid();
    expect(users.map((u) => byOpenid.get(u.user.openid))).toEqual(users.map(() => 1));
  });
});

async function countSendsOf(user: User, feedIds: string[]) {
  const records = await Promise.all(feedIds.map((id) => sendRecord(id, user)));
  return records.filter((r) => r?.entity === ALERT_SEND_ENTITY && r.outcome === 'sent').length;
}

// The repository's own guard: a claim never takes an allowance below zero, even asked directly.
it('a claim without an allowance left is refused by the condition, and writes no send record', async () => {
  const user = await subscriber(OWN.manyRuns, 0);
  const result = await dynamoSubscriptionRepository.claim({
    feedId: 'fd-none',
    userId: user.user.id,
    templateId: LOCAL_ALERT_TEMPLATE_ID,
    at: new Date().toISOString(),
  });
  expect(result).toBe('no_allowance');
  expect(await sendRecord('fd-none', user)).toBeUndefined();
});
