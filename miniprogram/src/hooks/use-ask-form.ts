import { useCallback, useMemo, useState } from 'react';
import { MAX_QUESTION_PHOTOS, QUESTION_TEXT } from '@shared/schemas/question-limits';
import type { QuestionField, QuestionView } from '@shared/schemas/questions';
import { errorText, t } from '../i18n/ask';
import { askQuestion } from '../services/api-ask';
import { toApiErrorLike } from '../services/errors';
import { useImagePicker } from './use-image-picker';
import { textLength } from '@shared/text-length';

export interface AskForm {
  field: QuestionField | null;
  text: string;
  consent: boolean;
  /** Officers only: the household of their station they ask for. */
  householdId: string | null;
}

export type AskFormField = 'field' | 'text' | 'householdId';
export type AskState = { sending: boolean; error: string | null; asked: QuestionView | null };

/** Characters as the server counts them (as a reader sees them, of the trimmed text). */
const length = (text: string) => textLength(text.trim());

/** Every problem of the form, by field, in the catalogue's words; empty when it can be sent. */
export function validateAsk(form: AskForm, forHousehold: boolean): Partial<Record<AskFormField, string>> {
  const errors: Partial<Record<AskFormField, string>> = {};
  if (!form.field) errors.field = t('ask.form.needField');
  const n = length(form.text);
  if (n < QUESTION_TEXT.min) errors.text = t('ask.form.tooShort', { min: QUESTION_TEXT.min });
  else if (n > QUESTION_TEXT.max) errors.text = t('ask.form.tooLong', { max: QUESTION_TEXT.max, count: n });
  if (forHousehold && !form.householdId) errors.householdId = t('ask.form.needHousehold');
  return errors;
}

/** What the server's refusal means to the asker: no place to ask from, a photo it cannot take, or the general text. */
function failureText(error: unknown): string {
  const apiError = toApiErrorLike(error);
  if (apiError.code === 'NOT_FOUND' && /home station/i.test(apiError.message)) return t('ask.form.noPlace');
  if (apiError.code === 'VALIDATION_FAILED' && apiError.details?.some((d) => d.path.startsWith('body.photos'))) return t('ask.form.badPhoto');
  return t('ask.form.failed', { reason: errorText(String(apiError.code)) });
}

/**
 * The ask page's form: a field, the text, up to three photos (uploaded as `question_photo` while the
 * asker writes), consent to publish, and for an officer the household; `dirty` once anything is in.
 */
export function useAskForm(forHousehold: boolean, ask: typeof askQuestion = askQuestion) {
  const [form, setForm] = useState<AskForm>({ field: null, text: '', consent: false, householdId: null });
  const [showErrors, setShowErrors] = useState(false);
  const [state, setState] = useState<AskState>({ sending: false, error: null, asked: null });
  const picker = useImagePicker([], { purpose: 'question_photo', max: MAX_QUESTION_PHOTOS });
  const errors = useMemo(() => validateAsk(form, forHousehold), [form, forHousehold]);
  const dirty = state.asked === null && (form.text.trim() !== '' || picker.images.length > 0);

  const set = useCallback(<K extends keyof AskForm>(field: K, value: AskForm[K]) => setForm((f) => ({ ...f, [field]: value })), []);

  const submit = async (): Promise<QuestionView | null> => {
    if (state.sending) return null;
    setShowErrors(true);
    const blocking = Object.keys(errors).length
      ? t('ask.form.fixErrors')
      : picker.busy
        ? t('ask.form.photosBusy')
        : picker.failed
          ? t('ask.form.photosFailed')
          : null;
    if (blocking) {
      setState({ sending: false, error: blocking, asked: null });
      return null;
    }
    setState({ sending: true, error: null, asked: null });
    try {
      const asked = await ask({
        field: form.field!,
        text: form.text.trim(),
        consent: form.consent,
        ...(picker.uploadIds.length ? { photos: picker.uploadIds } : {}),
        ...(forHousehold && form.householdId ? { householdId: form.householdId } : {}),
      });
      setState({ sending: false, error: null, asked });
      return asked;
    } catch (error) {
      setState({ sending: false, error: failureText(error), asked: null });
      return null;
    }
  };

  return { form, set, errors: showErrors ? errors : {}, state, dirty, picker, submit, textLength: length(form.text) };
}
