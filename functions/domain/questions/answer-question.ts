/**
 * Claim and answer. A claim is one conditional write (with its claim record, in one transaction), so
 * of ten experts claiming at once exactly one wins; the others get 409. The claim holds for 24 h:
 * answered by then only by its holder; lapsed, any expert of the question's reach may claim again.
 *
 *   OPEN ─claim (unclaimed, or claim lapsed)─> OPEN + claim(expert, until) ─answer (holder, before until)─> ANSWERED
 *
 * After the answer is stored, the asker gets one subscribe message if they allowed one (never inside
 * the write: a failed send leaves the answer stored and visible in GET /me/questions).
 */
import type { AnswerRequest, QuestionView } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { UserRepository } from '../accounts/user';
import { AppError, notFound } from '../errors';
import { outcomeOf, type SubscribeMessageRequest, type SubscribeMessageSender } from '../notify/subscribe-message';
import type { SubscriptionRepository } from '../notify/subscriptions';
import { checkNewUploads } from '../uploads/check-uploads';
import type { ImageStore, UploadRepository } from '../uploads/upload';
import { CLAIM_MS, claimHolds, expertReaches, type PublishedQuestion, type QuestionRecord, type QuestionRepository, type Speller } from './question';
import { questionViews } from './question-views';

/** How the answer template's keywords are named in the WeChat console, and the page a message opens. */
export interface AnswerTemplate {
  id: string;
  fields: { question: string; time: string };
  page: string;
  state: NonNullable<SubscribeMessageRequest['miniprogram_state']>;
}

export interface AnswerDeps {
  questions: Pick<QuestionRepository, 'get' | 'claim' | 'answer'>;
  uploads: UploadRepository;
  images: ImageStore;
  speller: Speller;
  users: Pick<UserRepository, 'get'>;
  subscriptions: Pick<SubscriptionRepository, 'claim' | 'recordOutcome' | 'clearAllowance'>;
  sender: SubscribeMessageSender;
  template: AnswerTemplate | null;
  now?: () => Date;
}

/** The question, if this expert may work on it: it reaches them now, or they hold or gave its answer. */
async function workable(deps: Pick<AnswerDeps, 'questions'>, caller: Caller, id: string): Promise<QuestionRecord> {
  const q = await deps.questions.get(id);
  if (!q || !(expertReaches(caller.expertField, caller.regionCode, q) || q.claimedBy === caller.userId)) throw notFound('Question');
  return q;
}

const viewOf = async (deps: Pick<AnswerDeps, 'images'>, caller: Caller, q: QuestionRecord, at: string) =>
  (await questionViews(deps.images, caller, [q], at))[0];

export async function claimQuestion(deps: AnswerDeps, caller: Caller, id: string): Promise<QuestionView> {
  const q = await workable(deps, caller, id);
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  if (q.status === 'ANSWERED') throw new AppError('CONFLICT', 'The question is answered already');
  // A second tap by the holder keeps the claim as it is.
  if (q.claimedBy === caller.userId && claimHolds(q, at)) return viewOf(deps, caller, q, at);
  const until = new Date(now.getTime() + CLAIM_MS).toISOString();
  if (!(await deps.questions.claim(id, caller.userId, at, until)))
    throw new AppError('CONFLICT', 'Another expert claimed the question first (or it was answered meanwhile)');
  return viewOf(deps, caller, { ...q, claimedBy: caller.userId, claimUntil: until }, at);
}

/** The published copy of an answered question: texts, photos, the county; pinyin for search. */
function publishedCopy(deps: Pick<AnswerDeps, 'speller'>, q: QuestionRecord, answer: NonNullable<QuestionRecord['answer']>): PublishedQuestion {
  const spelled = [q.text, answer.text, q.countyName].map((text) => deps.speller.spell(text));
  return {
    id: q.id,
    field: q.field,
    text: q.text,
    photos: q.photos,
    countyName: q.countyName,
    answerText: answer.text,
    answerPhotos: answer.photos,
    answeredAt: answer.at,
    askedAt: q.askedAt,
    pinyin: spelled.map((s) => s.full).join('|'),
    initials: spelled.map((s) => s.initials).join('|'),
  };
}

export async function answerQuestion(deps: AnswerDeps, caller: Caller, id: string, input: AnswerRequest): Promise<QuestionView> {
  const q = await workable(deps, caller, id);
  const now = deps.now?.() ?? new Date();
  const at = now.toISOString();
  if (q.status === 'ANSWERED') throw new AppError('CONFLICT', 'The question is answered already');
  if (q.claimedBy !== caller.userId || !claimHolds(q, at)) throw new AppError('CONFLICT', 'Claim the question first: only its claimer answers it');
  const ids = input.photos ?? [];
  if (new Set(ids).size !== ids.length) throw new AppError('VALIDATION_FAILED', 'body.photos names an upload twice');
  const photos = await checkNewUploads({ uploads: deps.uploads, images: deps.images }, caller, ids, (uploadId) => ids.indexOf(uploadId));
  const answer = { text: input.text, photos, by: caller.userId, at };
  const stored = await deps.questions.answer(q, answer, ids, q.consent ? publishedCopy(deps, q, answer) : null);
  if (!stored) throw new AppError('CONFLICT', 'The claim lapsed, or the question changed meanwhile: reload it');
  const answered: QuestionRecord = { ...q, status: 'ANSWERED', answer, dueAt: null };
  await notifyAsker(deps, answered).catch(() => undefined); // the answer is stored and shown either way
  return viewOf(deps, caller, answered, at);
}

/** WeChat's `thing` keywords take at most 20 characters. */
const thing = (text: string) => ([...text].length > 20 ? [...text].slice(0, 19).join('') + '…' : text);

function wechatTime(iso: string): string {
  const shanghai = new Date(Date.parse(iso) + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${shanghai.getUTCFullYear()}年${shanghai.getUTCMonth() + 1}月${shanghai.getUTCDate()}日 ${pad(shanghai.getUTCHours())}:${pad(shanghai.getUTCMinutes())}`;
}

/** One message to the asker, claimed against their allowance of the answer template (at most once per question). */
async function notifyAsker(deps: AnswerDeps, q: QuestionRecord) {
  const template = deps.template;
  if (!template || !q.answer) return;
  const asker = await deps.users.get(q.askedBy);
  if (!asker) return;
  const at = () => (deps.now?.() ?? new Date()).toISOString();
  // The send record lives beside alerts' (one per item and user): a question id never equals an item id.
  if ((await deps.subscriptions.claim({ feedId: q.id, userId: asker.id, templateId: template.id, at: at() })) !== 'claimed') return;
  const answer = await deps.sender
    .send({
      touser: asker.openid,
      template_id: template.id,
      page: `${template.page}?id=${q.id}`,
      data: { [template.fields.question]: { value: thing(q.text.replace(/\s+/g, ' ')) }, [template.fields.time]: { value: wechatTime(q.answer.at) } },
      miniprogram_state: template.state,
      lang: 'zh_CN',
    })
    .catch((error: Error) => ({ errcode: -1, errmsg: `sender failed: ${error.message}`, msgid: undefined }));
  const outcome = outcomeOf(answer);
  await deps.subscriptions.recordOutcome({ feedId: q.id, userId: asker.id, outcome, errcode: answer.errcode, msgid: answer.msgid, at: at() });
  if (outcome === 'refused') await deps.subscriptions.clearAllowance(asker.id, template.id);
}
