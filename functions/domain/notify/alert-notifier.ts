/**
 * Alerts to subscribers: when an urgent or acknowledgement-asking item is published, every user
 * whose village the item reaches (the feed's own targeting rule: its region is the village or an
 * ancestor, and the village's area type is among the item's) and who holds an allowance of the
 * alert template gets one subscribe message.
 *
 *   publish ──(after its write)──> outbox entry ──notifier (async invoke / schedule / npm start loop)──>
 *     page of subscribers (one Query by region prefix) ──> per subscriber:
 *       claim (one transaction: send record if none + allowance - 1 if >= 1)
 *         ├─ duplicate / no allowance ──> nothing sent
 *         └─ claimed ──> subscribeMessage.send ──> outcome on the send record (43101: allowance cleared)
 *     ──> progress saved per page; outbox entry deleted when the last page is done
 *
 * Idempotent: a second run (or two at once) finds every claimed send record and sends nothing more.
 * A crash between the claim and the outcome leaves the record `SENDING` and the message possibly
 * unsent: at most once, never twice.
 */
import { DEFAULT_LOCALE, FEED_CATEGORY_NAMES, type AreaType, type Locale } from '../../../shared';
import type { UserRepository } from '../accounts/user';
import type { FeedRecord, FeedRepository } from '../feeds/feed';
import { versionFor } from '../feeds/feed';
import { isVisibleAt } from '../feeds/targeting';
import { outcomeOf, type SubscribeMessageAnswer, type SubscribeMessageRequest, type SubscribeMessageSender } from './subscribe-message';
import type { Subscriber, SubscriptionRepository } from './subscriptions';

/** Where the publish leaves its alerts for the notifier (functions/adapters/alert-queue.ts). */
/**
 * Hurries the notifier after a publish: the alert's outbox entry is written in the publish's own
 * transaction (FeedRepository.transition with `queueAlert`); a deployed stage invokes the notifier at
 * once instead of waiting for its schedule. Never throws.
 */
export interface AlertQueue {
  wake(feedId: string): Promise<void>;
}

export interface AlertOutbox {
  /** Alerts waiting, oldest first, with how far their fan-out got. */
  pending(limit: number): Promise<Array<{ feedId: string; after: string | null }>>;
  progress(feedId: string, after: string): Promise<void>;
  done(feedId: string): Promise<void>;
}

/** The area type of each village (its region's, as the feed reads it); one BatchGet per 100. */
export interface VillageAreaTypes {
  of(villageCodes: string[]): Promise<Map<string, AreaType>>;
}

/** How the alert template's keywords are named in the WeChat console, and the page a message opens. */
export interface AlertTemplate {
  id: string;
  fields: { title: string; category: string; time: string };
  page: string;
  state: NonNullable<SubscribeMessageRequest['miniprogram_state']>;
}

export interface NotifierDeps {
  feeds: Pick<FeedRepository, 'get'>;
  /** The recipients' chosen language (one BatchGet per page of subscribers): the account is its one home. */
  users: Pick<UserRepository, 'getMany'>;
  subscriptions: SubscriptionRepository;
  villages: VillageAreaTypes;
  outbox: AlertOutbox;
  sender: SubscribeMessageSender;
  template: AlertTemplate | null;
  now?: () => Date;
  /** Sends in flight at once (WeChat answers one user's concurrent sends with 43108). */
  concurrency?: number;
  pageSize?: number;
}

export interface AlertReport {
  feedId: string;
  sent: number;
  refused: number;
  failed: number;
  /** Reached, but already sent this item or without an allowance left. */
  skipped: number;
  /** false: the deadline came first; the outbox keeps the progress for the next run. */
  done: boolean;
}

export const isAlert = (feed: Pick<FeedRecord, 'urgent' | 'requiresAck'>) => feed.urgent || feed.requiresAck;

/** WeChat's `thing` keywords take at most 20 characters: longer is a 47003. */
const THING_MAX = 20;
const thing = (text: string) => ([...text].length > THING_MAX ? [...text].slice(0, THING_MAX - 1).join('') + '…' : text);

/** `time` keywords read like 2026年11月30日 14:05 (Beijing time): WeChat's own format, in every language (else 47003). */
function wechatTime(iso: string): string {
  const shanghai = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shanghai.getUTCFullYear()}年${shanghai.getUTCMonth() + 1}月${shanghai.getUTCDate()}日 ${pad(shanghai.getUTCHours())}:${pad(shanghai.getUTCMinutes())}`;
}

/** The alert in the recipient's language: the item's Tibetan version when it has one, the category's Tibetan name. */
export function alertMessage(feed: FeedRecord, template: AlertTemplate, openid: string, locale: Locale = DEFAULT_LOCALE): SubscribeMessageRequest {
  const lang = locale === 'bo' ? 'bo' : 'zh';
  return {
    touser: openid,
    template_id: template.id,
    page: `${template.page}?id=${feed.id}`,
    data: {
      [template.fields.title]: { value: thing(versionFor(feed, lang).text.title) },
      [template.fields.category]: { value: thing(FEED_CATEGORY_NAMES[feed.category][lang]) },
      [template.fields.time]: { value: wechatTime(feed.publishedAt ?? new Date().toISOString()) },
    },
    miniprogram_state: template.state,
    // WeChat's own words around the message (zh_CN, en_US, zh_HK, zh_TW): it has no Tibetan.
    lang: 'zh_CN',
  };
}

/** The chain of a village code: province, prefecture, county, township, itself. */
const chainOf = (villageCode: string) => [2, 4, 6, 9, 12].filter((n) => n <= villageCode.length).map((n) => villageCode.slice(0, n));

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

async function sendOne(
  deps: NotifierDeps,
  template: AlertTemplate,
  feed: FeedRecord,
  subscriber: Subscriber,
  locale: Locale | undefined,
  report: AlertReport,
) {
  const at = () => (deps.now?.() ?? new Date()).toISOString();
  const claim = await deps.subscriptions.claim({ feedId: feed.id, userId: subscriber.userId, templateId: template.id, at: at() });
  if (claim !== 'claimed') {
    report.skipped++;
    return;
  }
  let answer: SubscribeMessageAnswer;
  try {
    answer = await deps.sender.send(alertMessage(feed, template, subscriber.openid, locale));
  } catch (error) {
    answer = { errcode: -1, errmsg: `sender failed: ${(error as Error).message}` };
  }
  const outcome = outcomeOf(answer);
  await deps.subscriptions.recordOutcome({
    feedId: feed.id,
    userId: subscriber.userId,
    outcome,
    errcode: answer.errcode,
    msgid: answer.msgid,
    at: at(),
  });
  if (outcome === 'refused') await deps.subscriptions.clearAllowance(subscriber.userId, template.id);
  report[outcome]++;
}

/**
 * Sends one alert to its subscribers, page by page from `after`, until done or past `deadline`
 * (epoch ms). Items that are not (or no longer) published alerts send nothing.
 */
export async function notifyAlert(
  deps: NotifierDeps,
  feedId: string,
  options: { after?: string | null; deadline?: number } = {},
): Promise<AlertReport> {
  const report: AlertReport = { feedId, sent: 0, refused: 0, failed: 0, skipped: 0, done: true };
  const feed = await deps.feeds.get(feedId);
  const template = deps.template;
  const now = (deps.now?.() ?? new Date()).toISOString();
  if (!template || !feed || feed.status !== 'PUBLISHED' || !isAlert(feed) || (feed.validUntil !== null && feed.validUntil <= now)) return report;
  let after = options.after ?? undefined;
  do {
    const page = await deps.subscriptions.subscribersIn(template.id, feed.regionCode, { limit: deps.pageSize ?? 100, after });
    const areaTypes = await deps.villages.of([...new Set(page.items.map((s) => s.villageCode))]);
    const reached = page.items.filter((s) => {
      const areaType = areaTypes.get(s.villageCode);
      return areaType !== undefined && isVisibleAt(feed, { chain: chainOf(s.villageCode), areaType }, now);
    });
    const languages = new Map((reached.length ? await deps.users.getMany(reached.map((s) => s.userId)) : []).map((u) => [u.id, u.language]));
    await inBatches(reached, deps.concurrency ?? 8, (s) => sendOne(deps, template, feed, s, languages.get(s.userId), report));
    after = page.after ?? undefined;
    if (after !== undefined) await deps.outbox.progress(feedId, after);
    if (after !== undefined && options.deadline !== undefined && Date.now() > options.deadline) return { ...report, done: false };
  } while (after !== undefined);
  return report;
}

/** One run of the notifier: every alert in the outbox, oldest first, each deleted once its fan-out is done. */
export async function runAlertNotifications(deps: NotifierDeps, options: { deadline?: number; limit?: number } = {}): Promise<AlertReport[]> {
  const reports: AlertReport[] = [];
  for (const entry of await deps.outbox.pending(options.limit ?? 25)) {
    const report = await notifyAlert(deps, entry.feedId, { after: entry.after, deadline: options.deadline });
    reports.push(report);
    if (!report.done) break;
    await deps.outbox.done(entry.feedId);
  }
  return reports;
}
