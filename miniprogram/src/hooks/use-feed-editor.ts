import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AreaType } from '@shared/schemas/regions';
import type { FeedCategory, FeedCreateRequest, FeedDetail } from '@shared/schemas/feeds';
import { errorText, t } from '../i18n/publish';
import { createFeed, getFeedForEditing, submitFeed, updateFeed } from '../services/api-compose';
import { toApiErrorLike } from '../services/errors';
import { useImagePicker } from './use-image-picker';

/** What the form holds: the item's fields as typed (the expiry as a date, the Tibetan version as two fields). */
export interface FeedForm {
  title: string;
  body: string;
  category: FeedCategory;
  regionCode: string;
  areaTypes: AreaType[];
  urgent: boolean;
  requiresAck: boolean;
  /** YYYY-MM-DD, the last day shown (China time); empty: no expiry. */
  expiry: string;
  boTitle: string;
  boBody: string;
}

export type FormField = keyof FeedForm | 'images';
export type EditorState =
  | { status: 'loading' }
  | { status: 'load-failed'; message: string }
  | { status: 'not-editable' }
  | { status: 'editing'; saving: 'draft' | 'submit' | null; notice: { kind: 'success' | 'error'; text: string } | null; submitted: boolean };

const TITLE_MAX = 80;
const BODY_MAX = 4000;
const EDITABLE = ['DRAFT', 'REJECTED'];

export const emptyForm = (regionCode: string): FeedForm => ({
  title: '',
  body: '',
  category: 'notice',
  regionCode,
  areaTypes: [],
  urgent: false,
  requiresAck: false,
  expiry: '',
  boTitle: '',
  boBody: '',
});

/** The form of an item as stored: its Chinese (or original) version, its Tibetan one, the expiry's day in China time. */
export function formOf(item: FeedDetail): FeedForm {
  const zh = item.translations.zh ?? { title: item.title, body: item.body };
  const expiry = item.expiresAt ? new Date(Date.parse(item.expiresAt) + 8 * 3600_000).toISOString().slice(0, 10) : '';
  return {
    title: zh.title,
    body: zh.body,
    category: item.category,
    regionCode: item.regionCode,
    areaTypes: item.areaTypes ?? [],
    urgent: item.urgent,
    requiresAck: item.requiresAck,
    expiry,
    boTitle: item.translations.bo?.title ?? '',
    boBody: item.translations.bo?.body ?? '',
  };
}

const count = (text: string) => [...text.trim()].length;

/** Every problem of the form, by field, in the catalogue's words; empty when it can be sent. */
export function validateForm(form: FeedForm, today: string): Partial<Record<FormField, string>> {
  const errors: Partial<Record<FormField, string>> = {};
  const text = (field: 'title' | 'body' | 'boTitle' | 'boBody', name: string, max: number, required: boolean) => {
    const n = count(form[field]);
    if (required && n === 0) errors[field] = t('compose.required', { field: name });
    else if (n > max) errors[field] = t('compose.tooLong', { field: name, max, count: n });
  };
  text('title', t('compose.title'), TITLE_MAX, true);
  text('body', t('compose.body'), BODY_MAX, true);
  text('boTitle', t('compose.tibetanTitle'), TITLE_MAX, false);
  text('boBody', t('compose.tibetanBody'), BODY_MAX, false);
  if (!errors.boTitle && !errors.boBody && (count(form.boTitle) === 0) !== (count(form.boBody) === 0)) errors.boTitle = t('compose.tibetanPair');
  if (form.expiry && (!/^\d{4}-\d{2}-\d{2}$/.test(form.expiry) || Number.isNaN(Date.parse(form.expiry)) || form.expiry < today))
    errors.expiry = t('compose.badDate');
  return errors;
}

/** The request for the form: Chinese is the original; the Tibetan version when both its fields are there. */
export function requestOf(form: FeedForm, images: string[]): FeedCreateRequest {
  const bo = count(form.boTitle) > 0 ? { bo: { title: form.boTitle.trim(), body: form.boBody.trim() } } : undefined;
  return {
    title: form.title.trim(),
    body: form.body.trim(),
    category: form.category,
    regionCode: form.regionCode,
    lang: 'zh',
    ...(form.areaTypes.length ? { areaTypes: form.areaTypes } : {}),
    urgent: form.urgent,
    requiresAck: form.requiresAck,
    // The whole last day, in China time.
    ...(form.expiry ? { expiresAt: `${form.expiry}T23:59:59+08:00` } : {}),
    ...(bo ? { translations: bo } : {}),
    images,
  };
}

const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * The write/edit page's state: load an item to edit (`id`), or a new one for the author's region;
 * save it as a draft (create, then PUT), submit it for review; `dirty` while typed text is unsaved.
 */
export function useFeedEditor(id: string | undefined, authorRegion: string) {
  const [itemId, setItemId] = useState(id);
  const [form, setForm] = useState<FeedForm>(() => emptyForm(authorRegion));
  const [saved, setSaved] = useState<string>(() => JSON.stringify(emptyForm(authorRegion)));
  const [state, setState] = useState<EditorState>(() =>
    id ? { status: 'loading' } : { status: 'editing', saving: null, notice: null, submitted: false },
  );
  const [showErrors, setShowErrors] = useState(false);
  const picker = useImagePicker();
  const { reset } = picker;
  const savedImages = useRef<string>('[]');

  useEffect(() => {
    if (!id) return;
    let current = true;
    getFeedForEditing(id).then(
      (item) => {
        if (!current) return;
        if (!EDITABLE.includes(item.status)) return setState({ status: 'not-editable' });
        const loaded = formOf(item);
        setForm(loaded);
        setSaved(JSON.stringify(loaded));
        savedImages.current = JSON.stringify(item.images.map((i) => i.id));
        reset(item.images);
        setState({ status: 'editing', saving: null, notice: null, submitted: false });
      },
      (error) => current && setState({ status: 'load-failed', message: errorText(String(toApiErrorLike(error).code)) }),
    );
    return () => {
      current = false;
    };
  }, [id, reset]);

  const errors = useMemo(() => validateForm(form, chinaToday()), [form]);
  const dirty = JSON.stringify(form) !== saved || JSON.stringify(picker.uploadIds) !== savedImages.current || picker.busy;

  const set = useCallback(<K extends keyof FeedForm>(field: K, value: FeedForm[K]) => setForm((f) => ({ ...f, [field]: value })), []);

  const editing = (change: Partial<Extract<EditorState, { status: 'editing' }>>) =>
    setState((s) => (s.status === 'editing' ? { ...s, ...change } : s));

  /** Saves the draft (creating it the first time); the saved item, or null when the form or the server refused. */
  const save = async (kind: 'draft' | 'submit'): Promise<FeedDetail | null> => {
    setShowErrors(true);
    const blocking = Object.values(errors)[0] ?? (picker.busy ? t('compose.imagesBusy') : picker.failed ? t('compose.imagesFailed') : undefined);
    if (blocking) {
      editing({ notice: { kind: 'error', text: Object.keys(errors).length ? t('compose.fixErrors') : blocking } });
      return null;
    }
    editing({ saving: kind, notice: null });
    try {
      const body = requestOf(form, picker.uploadIds);
      const item = itemId ? await updateFeed(itemId, body) : await createFeed(body);
      setItemId(item.id);
      setSaved(JSON.stringify(form));
      savedImages.current = JSON.stringify(picker.uploadIds);
      editing({ saving: null, notice: kind === 'draft' ? { kind: 'success', text: t('compose.saved') } : null });
      return item;
    } catch (error) {
      editing({ saving: null, notice: { kind: 'error', text: errorText(String(toApiErrorLike(error).code)) } });
      return null;
    }
  };

  const saveDraft = () => save('draft');

  const submit = async () => {
    const item = await save('submit');
    if (!item) return null;
    editing({ saving: 'submit' });
    try {
      const submitted = await submitFeed(item.id);
      editing({ saving: null, submitted: true, notice: { kind: 'success', text: t('compose.submitted') } });
      return submitted;
    } catch (error) {
      editing({ saving: null, notice: { kind: 'error', text: errorText(String(toApiErrorLike(error).code)) } });
      return null;
    }
  };

  return { itemId, form, set, errors: showErrors ? errors : {}, state, dirty, picker, saveDraft, submit };
}
