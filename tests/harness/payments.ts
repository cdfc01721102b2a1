import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stationKeys } from '../../functions/data/keys';
import { stationIdForVillage } from '../../functions/domain/stations/station-identity';
import { countEntities } from './count';
import { handlers } from './handlers';
import { invoke } from './invoke';
import { createUser } from './users';

/** Copies seeded stations into a fresh table, so payment tests own their stations' days and limits. */
export async function copyStations(doc: DynamoDBDocumentClient, toTable: string, villageCodes: string[]) {
  for (const villageCode of villageCodes) {
    const { Item } = await doc.send(
      new GetCommand({ TableName: process.env.TEST_SEEDED_TABLE!, Key: stationKeys.item(stationIdForVillage(villageCode)) }),
    );
    if (!Item) throw new Error(`No seeded station for village ${villageCode}`);
    await doc.send(new PutCommand({ TableName: toTable, Item }));
  }
}

export const TUQIAO = { villageCode: '630202002214', id: stationIdForVillage('630202002214') }; // 土桥村, 乐都区
export const YUSHU = { villageCode: '632701001201', id: stationIdForVillage('632701001201') }; // a village of 玉树市

/** An officer of the station, recorded on both sides as an appointment does (user role, station's officer list). */
export async function officerOf(doc: DynamoDBDocumentClient, table: string, station: { id: string; villageCode: string }, name = '才让') {
  const officer = await createUser(doc, table, { role: 'officer', stationId: station.id, stationVillageCode: station.villageCode, name });
  await doc.send(
    new UpdateCommand({
      TableName: table,
      Key: stationKeys.item(station.id),
      UpdateExpression: 'SET officers.#user = :name',
      ExpressionAttributeNames: { '#user': officer.user.id },
      ExpressionAttributeValues: { ':name': name },
    }),
  );
  return officer;
}

/**
 * A new villager linked to a household the way the app links one: the villager asks for a link code
 * and the household's officer enters it (a link that does not answer 201 throws, with its answer).
 */
export async function linkedVillager(doc: DynamoDBDocumentClient, table: string, officer: { auth: Record<string, string> }, householdId: string) {
  const villager = await createUser(doc, table, { role: 'villager' });
  const code = await invoke(handlers.payments, { method: 'POST', path: '/me/household-link-code', headers: villager.auth });
  const link = await invoke(handlers.payments, {
    method: 'POST',
    path: `/households/${householdId}/links`,
    headers: officer.auth,
    body: { code: code.json.code },
  });
  if (link.status !== 201) throw new Error(`linking a villager to household ${householdId}: HTTP ${link.status} ${JSON.stringify(link.json)}`);
  return villager;
}

export const newKey = () => `k-${randomUUID()}`;

export function pay(auth: Record<string, string>, body: Record<string, unknown>, key: string | null = newKey()) {
  return invoke(handlers.payments, {
    method: 'POST',
    path: '/payments',
    headers: { ...auth, ...(key === null ? {} : { 'idempotency-key': key }) },
    body,
  });
}

/** A payment body for the amount the sandbox says is due on a postpaid account. */
export async function electricityBody(auth: Record<string, string>, stationId: string, accountNo: string, extra: Record<string, unknown> = {}) {
  const lookup = await invoke(handlers.payments, {
    method: 'POST',
    path: '/bills/lookup',
    headers: auth,
    body: { billType: 'electricity', accountNo },
  });
  if (lookup.status !== 200) throw new Error(`lookup ${accountNo}: ${lookup.status} ${lookup.raw}`);
  return { stationId, billType: 'electricity', accountNo, amountFen: lookup.json.amountDueFen as number, method: 'cash', ...extra };
}

/** What is stored: payments, ledger entries and the sandbox provider's charges. */
export async function stored(doc: DynamoDBDocumentClient, table: string) {
  const [payments, entries, charges, pending] = await Promise.all([
    countEntities(doc, table, 'Payment'),
    countEntities(doc, table, 'LedgerEntry'),
    countEntities(doc, table, 'SandboxCharge'),
    countEntities(doc, table, 'PendingPayment'),
  ]);
  return { payments, entries, charges, pending };
}

export async function ledgerEntriesOf(doc: DynamoDBDocumentClient, table: string, stationId: string, date: string) {
  const { Items = [] } = await doc.send(
    new QueryCommand({
      TableName: table,
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :entry)',
      ExpressionAttributeValues: { ':pk': `LEDGER#${stationId}#${date}`, ':entry': 'ENTRY#' },
      ConsistentRead: true,
    }),
  );
  return Items;
}
