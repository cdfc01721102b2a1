/** Marketplace requests as clients make them, for the integration tests and the generated matrices. */
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { listingKeys } from '../../functions/data/keys';
import { handlers } from './handlers';
import { invoke } from './invoke';
import { newKey } from './payments';

type Auth = { auth: Record<string, string> };

export const marketCall = (who: Auth | null, method: string, path: string, body?: unknown, query?: Record<string, string>, key?: string) =>
  invoke(handlers.market, {
    method,
    path,
    headers: { ...(who?.auth ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
    body,
    query,
  });

export async function registerCooperative(officer: Auth, stationId: string, name = '土桥牦牛合作社') {
  const res = await marketCall(officer, 'POST', `/stations/${stationId}/sellers`, { kind: 'cooperative', name, consent: true });
  if (res.status !== 201) throw new Error(`seller: ${res.status} ${res.raw}`);
  return res.json.id as string;
}

export const listingBody = (sellerId: string, extra: Record<string, unknown> = {}) => ({
  sellerId,
  title: '牦牛肉干',
  category: 'yak_meat',
  unit: 'jin',
  priceFen: 8_800,
  stock: 10,
  harvestDate: '2026-10-01',
  description: '高原放养牦牛，风干',
  delivery: { pickup: true, shipping: { feeFen: 1_200 } },
  ...extra,
});

export async function listProduce(officer: Auth, sellerId: string, extra: Record<string, unknown> = {}) {
  const res = await marketCall(officer, 'POST', '/listings', listingBody(sellerId, extra));
  if (res.status !== 201) throw new Error(`listing: ${res.status} ${res.raw}`);
  return res.json.id as string;
}

export const order = (
  buyer: Auth,
  items: Array<{ listingId: string; quantity: number }>,
  key: string = newKey(),
  delivery: unknown = { mode: 'pickup' },
) => marketCall(buyer, 'POST', '/orders', { items, delivery }, undefined, key);

export async function storedListing(doc: DynamoDBDocumentClient, table: string, id: string) {
  const { Item } = await doc.send(new GetCommand({ TableName: table, Key: listingKeys.item(id), ConsistentRead: true }));
  return Item!;
}
