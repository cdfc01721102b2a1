/**
 * What readers see of a question: views, never the record. No view names a person, a household, a
 * station or the village: the county is the only place shown, and `yours`/`byYou` stand in for ids.
 */
import type { FeedImage, PublicQuestion, QuestionView } from '../../../shared';
import type { Caller } from '../../auth/caller';
import type { StoredImage } from '../uploads/check-uploads';
import type { ImageStore } from '../uploads/upload';
import { claimHolds, type PublishedQuestion, type QuestionRecord } from './question';

type Urls = Map<string, string>;

/** The readers' URLs of every photo of these questions (no storage call when there is none). */
export async function photoUrls(images: Pick<ImageStore, 'urls'>, photoLists: StoredImage[][]): Promise<Urls> {
  const keys = photoLists.flat().flatMap((p) => [p.key, p.thumbnailKey]);
  return keys.length === 0 ? new Map() : images.urls(keys);
}

const photoViews = (photos: StoredImage[], urls: Urls): FeedImage[] =>
  photos.map((p) => ({ id: p.uploadId, url: urls.get(p.key) ?? '', thumbnailUrl: urls.get(p.thumbnailKey) ?? '', width: p.width, height: p.height }));

/** Whether the caller asked it: its asker, or a villager of the household it was asked for. */
export const isAskerOf = (caller: Caller, q: QuestionRecord) =>
  q.askedBy === caller.userId || (q.householdId !== null && caller.role === 'villager' && caller.householdId === q.householdId);

export function toQuestionView(caller: Caller, q: QuestionRecord, urls: Urls, at: string): QuestionView {
  const live = q.status === 'OPEN' && claimHolds(q, at);
  return {
    id: q.id,
    field: q.field,
    text: q.text,
    photos: photoViews(q.photos, urls),
    place: { countyCode: q.villageCode.slice(0, 6), countyName: q.countyName },
    consent: q.consent,
    state: q.status === 'ANSWERED' ? 'answered' : live ? 'claimed' : 'waiting',
    reach: q.reach,
    escalations: q.escalations,
    claim: live ? { byYou: q.claimedBy === caller.userId, until: q.claimUntil! } : null,
    answer: q.answer
      ? { text: q.answer.text, photos: photoViews(q.answer.photos, urls), answeredAt: q.answer.at, byYou: q.answer.by === caller.userId }
      : null,
    yours: isAskerOf(caller, q),
    askedAt: q.askedAt,
  };
}

export async function questionViews(images: Pick<ImageStore, 'urls'>, caller: Caller, questions: QuestionRecord[], at: string) {
  const urls = await photoUrls(
    images,
    questions.map((q) => [...q.photos, ...(q.answer?.photos ?? [])]),
  );
  return questions.map((q) => toQuestionView(caller, q, urls, at));
}

export const toPublicQuestion = (p: PublishedQuestion, urls: Urls): PublicQuestion => ({
  id: p.id,
  field: p.field,
  text: p.text,
  photos: photoViews(p.photos, urls),
  place: { countyName: p.countyName },
  answer: { text: p.answerText, photos: photoViews(p.answerPhotos, urls), answeredAt: p.answeredAt },
  askedAt: p.askedAt,
});
