/**
 * One-time subscriptions (一次性订阅): each template a user accepts in `requestSubscribeMessage`
 * lets us send them one message of it. We keep a count per user and template (capped), located at
 * the village of their household or home station, so an alert finds its subscribers by region
 * prefix (functions/data/keys.ts: subscriptionKeys) rather than by reading every user.
 */
import { SUBSCRIPTION_CAP, SUBSCRIPTION_KINDS, type SubscriptionKind, type SubscriptionsRequest, type SubscriptionsResponse } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { User, UserRepository } from '../accounts/user';
import { invalidField, notFound } from '../errors';
import type { HouseholdRepository } from '../payments/household';
import type { StationRepository } from '../stations/station';

export interface Subscription {
  userId: string;
  templateId: string;
  /** Messages allowed and not yet sent; never negative, never above SUBSCRIPTION_CAP. */
  remaining: number;
  villageCode: string;
}

/** A subscriber as the sender needs them: who, where, and the openid WeChat addresses (never leaves the server). */
export interface Subscriber {
  userId: string;
  openid: string;
  villageCode: string;
}

export type ClaimResult = 'claimed' | 'duplicate' | 'no_allowance';

export interface SubscriptionRepository {
  ofUser(userId: string): Promise<Subscription[]>;
  /** Adds `count` messages to the user's allowance of the template (at most `cap` in all), located at `villageCode`. */
  allow(input: { userId: string; openid: string; templateId: string; villageCode: string; count: number; cap: number; at: string }): Promise<void>;
  /** One Query: subscribers of the template with an allowance left whose village lies in `regionCode`, by village code. */
  subscribersIn(
    templateId: string,
    regionCode: string,
    page: { limit: number; after?: string },
  ): Promise<{ items: Subscriber[]; after: string | null }>;
  /**
   * One transaction: the send record of (item, user) if there is none, and one message off the
   * allowance if there is one. `duplicate`: that user had this item already; `no_allowance`: none left.
   */
  claim(input: { feedId: string; userId: string; templateId: string; at: string }): Promise<ClaimResult>;
  /** The outcome of a claimed send, on its record. */
  recordOutcome(input: { feedId: string; userId: string; outcome: string; errcode: number; msgid?: string; at: string }): Promise<void>;
  /** WeChat says the user holds no subscription (43101): our count goes to 0. */
  clearAllowance(userId: string, templateId: string): Promise<void>;
}

/** The stage's templates by kind (functions/config/notify.ts); null: not configured, nothing is asked or sent. */
export type TemplateIds = Record<SubscriptionKind, string | null>;

export interface SubscriptionDeps {
  subscriptions: SubscriptionRepository;
  users: Pick<UserRepository, 'get'>;
  households: Pick<HouseholdRepository, 'get'>;
  stations: Pick<StationRepository, 'getById'>;
  templates: TemplateIds;
  now?: () => Date;
}

/**
 * The user and the village alerts reach them at: their household's, else their home station's, else
 * (an officer) their own station's; null when they have none of these.
 */
async function placeOf(deps: SubscriptionDeps, caller: Caller): Promise<{ user: User | null; villageCode: string | null }> {
  const [user, household] = await Promise.all([deps.users.get(caller.userId), caller.householdId ? deps.households.get(caller.householdId) : null]);
  if (household) return { user, villageCode: household.stationVillageCode };
  const home = user?.homeStationId ? await deps.stations.getById(user.homeStationId) : null;
  return { user, villageCode: home?.villageCode ?? user?.stationVillageCode ?? null };
}

async function view(deps: SubscriptionDeps, caller: Caller, located: boolean): Promise<SubscriptionsResponse> {
  const held = new Map((await deps.subscriptions.ofUser(caller.userId)).map((s) => [s.templateId, s.remaining]));
  return {
    located,
    items: SUBSCRIPTION_KINDS.flatMap((kind) => {
      const templateId = deps.templates[kind];
      return templateId ? [{ kind, templateId, remaining: held.get(templateId) ?? 0, cap: SUBSCRIPTION_CAP }] : [];
    }),
  };
}

export async function mySubscriptions(deps: SubscriptionDeps, caller: Caller): Promise<SubscriptionsResponse> {
  return view(deps, caller, (await placeOf(deps, caller)).villageCode !== null);
}

export async function recordSubscriptions(deps: SubscriptionDeps, caller: Caller, input: SubscriptionsRequest): Promise<SubscriptionsResponse> {
  const known = new Set(Object.values(deps.templates).filter((id): id is string => id !== null));
  const unknown = input.accepted.findIndex((id) => !known.has(id));
  if (unknown >= 0) throw invalidField(`body.accepted.${unknown}`, 'is not a template this service asks for');
  const { user, villageCode } = await placeOf(deps, caller);
  if (!user || villageCode === null) throw notFound('Home station (choose your station first: alerts are sent for its village)');
  const at = (deps.now?.() ?? new Date()).toISOString();
  // One accept is one message: the same id twice in one answer is still one accept.
  for (const templateId of new Set(input.accepted))
    await deps.subscriptions.allow({ userId: user.id, openid: user.openid, templateId, villageCode, count: 1, cap: SUBSCRIPTION_CAP, at });
  return view(deps, caller, true);
}
