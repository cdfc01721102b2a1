import type { PublicQuestion, QuestionCreateRequest, QuestionView } from '@shared/schemas/questions';
import { request } from './api-client';

/**
 * Ask an expert's endpoints (公益服务), for the ask subpackage only: search the answered questions,
 * ask one, the caller's own, the expert's inbox, one question, claim and answer. Only types come
 * from @shared: the server validates.
 */

export type QuestionPage = { items: QuestionView[]; nextCursor: string | null };
export type PublicQuestionPage = { items: PublicQuestion[]; nextCursor: string | null };

const questionPath = (id: string, rest = '') => `/questions/${encodeURIComponent(id)}${rest}`;

/** `GET /questions/search?q=`: answered questions published with consent (Chinese or pinyin), anonymised. */
export function searchQuestions(q: string, cursor?: string): Promise<PublicQuestionPage> {
  return request<PublicQuestionPage>('/questions/search', { query: { q, cursor } });
}

/** `POST /questions`: asks the experts of a field (an officer names the household of their station). */
export function askQuestion(body: QuestionCreateRequest): Promise<QuestionView> {
  return request<QuestionView>('/questions', { method: 'POST', body });
}

/** `GET /me/questions`: what the caller asked, newest first, with the answers. */
export function myQuestions(cursor?: string): Promise<QuestionPage> {
  return request<QuestionPage>('/me/questions', { query: { cursor } });
}

/** `GET /questions/inbox`: open questions that reach the expert, their county's first. */
export function questionInbox(cursor?: string): Promise<QuestionPage> {
  return request<QuestionPage>('/questions/inbox', { query: { cursor } });
}

/** `GET /questions/{id}`: whole to its asker and the experts it reaches, anonymised to others once published. */
export function getQuestion(id: string): Promise<QuestionView> {
  return request<QuestionView>(questionPath(id));
}

/** `POST /questions/{id}/claim`: the expert holds it for 24 h (409 when another expert holds it). */
export function claimQuestion(id: string): Promise<QuestionView> {
  return request<QuestionView>(questionPath(id, '/claim'), { method: 'POST' });
}

/** `POST /questions/{id}/answer`: its claimer answers (the asker gets told). */
export function answerQuestion(id: string, body: { text: string; photos?: string[] }): Promise<QuestionView> {
  return request<QuestionView>(questionPath(id, '/answer'), { method: 'POST', body });
}
