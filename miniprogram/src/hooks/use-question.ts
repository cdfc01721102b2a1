import { useCallback, useState } from 'react';
import { ANSWER_TEXT, MAX_QUESTION_PHOTOS } from '@shared/schemas/question-limits';
import type { QuestionView } from '@shared/schemas/questions';
import { errorText, t } from '../i18n/ask';
import { answerQuestion, claimQuestion, getQuestion } from '../services/api-ask';
import { toApiErrorLike } from '../services/errors';
import { useImagePicker } from './use-image-picker';
import { useResource } from './use-resource';

export type ClaimState = { status: 'idle' } | { status: 'claiming' } | { status: 'taken' } | { status: 'failed'; text: string };
export type AnswerState = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; text: string } | { status: 'answered' };

/** Why an answer cannot be sent yet, or null. */
export function answerProblem(text: string): string | null {
  const n = text.trim().length;
  if (n < ANSWER_TEXT.min) return t('ask.answerTooShort', { min: ANSWER_TEXT.min });
  if (n > ANSWER_TEXT.max) return t('ask.answerTooLong', { max: ANSWER_TEXT.max, count: n });
  return null;
}

/**
 * One question (`id`) as the reader may see it, and for an expert `claim()` (409: another expert
 * holds it) and, once they hold it, the answer's text and photos and `answer()`. Each answer of the
 * server replaces the question on screen.
 */
export function useQuestion(id: string | undefined) {
  const { state, retry, replace } = useResource(id, getQuestion);
  const [claimState, setClaimState] = useState<ClaimState>({ status: 'idle' });
  const [answerState, setAnswerState] = useState<AnswerState>({ status: 'idle' });
  const [answerText, setAnswerText] = useState('');
  const [showAnswerError, setShowAnswerError] = useState(false);
  const picker = useImagePicker([], { purpose: 'question_photo', max: MAX_QUESTION_PHOTOS });

  const claim = useCallback(async () => {
    if (!id) return;
    setClaimState({ status: 'claiming' });
    try {
      replace(await claimQuestion(id));
      setClaimState({ status: 'idle' });
    } catch (error) {
      const apiError = toApiErrorLike(error);
      if (apiError.code === 'CONFLICT') {
        setClaimState({ status: 'taken' });
        // Show who holds it now (another expert, or answered meanwhile).
        getQuestion(id).then(replace, () => undefined);
      } else setClaimState({ status: 'failed', text: t('ask.claimFailed', { reason: errorText(String(apiError.code)) }) });
    }
  }, [id, replace]);

  const answer = useCallback(async () => {
    if (!id || answerState.status === 'sending') return;
    setShowAnswerError(true);
    const problem = answerProblem(answerText) ?? (picker.busy ? t('ask.form.photosBusy') : picker.failed ? t('ask.form.photosFailed') : null);
    if (problem) {
      setAnswerState({ status: 'failed', text: problem });
      return;
    }
    setAnswerState({ status: 'sending' });
    try {
      replace(await answerQuestion(id, { text: answerText.trim(), ...(picker.uploadIds.length ? { photos: picker.uploadIds } : {}) }));
      setAnswerState({ status: 'answered' });
    } catch (error) {
      const apiError = toApiErrorLike(error);
      setAnswerState({
        status: 'failed',
        text: apiError.code === 'CONFLICT' ? t('ask.answerLapsed') : t('ask.answerFailed', { reason: errorText(String(apiError.code)) }),
      });
    }
  }, [id, answerText, answerState.status, picker.busy, picker.failed, picker.uploadIds, replace]);

  const answerError = showAnswerError ? answerProblem(answerText) : null;
  return { state, retry, claim, claimState, answer, answerState, answerText, setAnswerText, answerError, picker };
}

export type { QuestionView };
