/**
 * The catalogue of products and markets. Province admins keep the products (one list for the
 * province); admins keep the markets inside their own region. Every change is recorded on the item
 * with who (their role and id) and when; a retired entry stays (old reports and series name it) but
 * takes no new reports.
 */
import { randomBytes } from 'node:crypto';
import { PRICE_UNIT_NAMES, type Market, type MarketUpdateRequest, type PriceUnit, type Product, type ProductUpdateRequest } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { AppError, invalidField, notFound } from '../errors';
import type { RegionRepository } from '../regions/region';
import { idTail, type CatalogueChange, type MarketRecord, type PriceCatalogueRepository, type ProductRecord } from './price';

export interface CatalogueDeps {
  catalogue: PriceCatalogueRepository;
  regions: Pick<RegionRepository, 'get'>;
  now?: () => Date;
}

const historyView = (history: CatalogueChange[]) => history.map(({ byUserId, ...change }) => ({ ...change, byIdTail: idTail(byUserId) }));

export const toProductView = (p: ProductRecord): Product => ({
  id: p.id,
  name: p.name,
  unit: p.unit,
  unitName: PRICE_UNIT_NAMES[p.unit],
  active: p.active,
  history: historyView(p.history),
});

export const toMarketView = (m: MarketRecord): Market => ({
  id: m.id,
  name: m.name,
  regionCode: m.regionCode,
  active: m.active,
  history: historyView(m.history),
});

/** An admin keeps the markets of their own region only; elsewhere a market "does not exist". */
export const keepsMarket = (caller: Caller, regionCode: string) => caller.regionCode !== undefined && regionCode.startsWith(caller.regionCode);

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'zh-CN');

export async function listProducts(deps: Pick<CatalogueDeps, 'catalogue'>) {
  const { products } = await deps.catalogue.all();
  return { items: products.map(toProductView), nextCursor: null };
}

/** Markets, optionally those inside `region` (a prefix of their division code), by region then name. */
export async function listMarkets(deps: Pick<CatalogueDeps, 'catalogue'>, query: { region?: string }) {
  const { markets } = await deps.catalogue.all();
  const inRegion = markets.filter((m) => query.region === undefined || m.regionCode.startsWith(query.region));
  inRegion.sort((a, b) => a.regionCode.localeCompare(b.regionCode) || byName(a, b));
  return { items: inRegion.map(toMarketView), nextCursor: null };
}

const change = (caller: Caller, action: CatalogueChange['action'], name: string, at: string): CatalogueChange => ({
  action,
  name,
  at,
  byUserId: caller.userId,
  byRole: caller.role,
});

const newId = (prefix: string) => prefix + randomBytes(6).toString('hex');

export async function createProduct(deps: CatalogueDeps, caller: Caller, input: { name: string; unit: PriceUnit }) {
  const at = (deps.now?.() ?? new Date()).toISOString();
  const product: ProductRecord = {
    id: newId('p'),
    name: input.name,
    unit: input.unit,
    active: true,
    history: [change(caller, 'created', input.name, at)],
    createdAt: at,
    updatedAt: at,
  };
  if (!(await deps.catalogue.createProduct(product))) throw new AppError('CONFLICT', 'That product id is taken; try again');
  return toProductView(product);
}

export async function createMarket(deps: CatalogueDeps, caller: Caller, input: { name: string; regionCode: string }) {
  if (!keepsMarket(caller, input.regionCode)) throw notFound('Region');
  if (input.regionCode.length !== 6 && input.regionCode.length !== 9) throw invalidField('body.regionCode', 'must be a county or township code');
  if (!(await deps.regions.get(input.regionCode))) throw invalidField('body.regionCode', 'is not a region of the division list');
  const at = (deps.now?.() ?? new Date()).toISOString();
  const market: MarketRecord = {
    id: newId('m'),
    name: input.name,
    regionCode: input.regionCode,
    active: true,
    history: [change(caller, 'created', input.name, at)],
    createdAt: at,
    updatedAt: at,
  };
  if (!(await deps.catalogue.createMarket(market))) throw new AppError('CONFLICT', 'That market id is taken; try again');
  return toMarketView(market);
}

/** The history entries an update adds; 400 when it changes nothing at all. */
function changesOf(caller: Caller, current: { name: string; active: boolean }, set: { name?: string; active?: boolean }, at: string) {
  const name = set.name ?? current.name;
  const changes: CatalogueChange[] = [];
  if (set.name !== undefined && set.name !== current.name) changes.push(change(caller, 'renamed', name, at));
  if (set.active !== undefined) changes.push(change(caller, set.active ? 'restored' : 'retired', name, at));
  if (changes.length === 0) throw invalidField('body', 'changes nothing: give a new name or active');
  return changes;
}

const alreadyThere = (active: boolean | undefined) =>
  new AppError('CONFLICT', active === undefined ? 'The entry changed meanwhile; try again' : `It is already ${active ? 'active' : 'retired'}`);

export async function updateProduct(deps: CatalogueDeps, caller: Caller, id: string, set: ProductUpdateRequest) {
  const product = await deps.catalogue.getProduct(id);
  if (!product) throw notFound('Product');
  const changes = changesOf(caller, product, set, (deps.now?.() ?? new Date()).toISOString());
  const updated = await deps.catalogue.updateProduct(id, set, changes);
  if (!updated) throw alreadyThere(set.active);
  return toProductView(updated);
}

export async function updateMarket(deps: CatalogueDeps, caller: Caller, id: string, set: MarketUpdateRequest) {
  const market = await deps.catalogue.getMarket(id);
  if (!market || !keepsMarket(caller, market.regionCode)) throw notFound('Market');
  const changes = changesOf(caller, market, set, (deps.now?.() ?? new Date()).toISOString());
  const updated = await deps.catalogue.updateMarket(id, set, changes);
  if (!updated) throw alreadyThere(set.active);
  return toMarketView(updated);
}
