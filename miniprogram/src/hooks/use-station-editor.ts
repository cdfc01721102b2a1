import { useCallback, useEffect, useState } from 'react';
import type { CapabilityKey, StationProfile, StationType, StationUpdateRequest } from '@shared/schemas/stations';
import { t } from '../i18n/staff';
import { updateStation } from '../services/api';
import { supportId, toApiErrorLike } from '../services/errors';
import {
  buildUpdate,
  DEFAULT_WINDOW,
  draftFromStation,
  fieldLabel,
  MAX_WINDOWS,
  saveErrorText,
  type DraftErrors,
  type EditorRole,
  type HoursDraft,
  type StationDraft,
} from '../services/station-edit';

export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; message: string }
  | { status: 'failed'; message: string; requestId?: string; conflict: boolean };

export type StationSaver = (stationId: string, changes: StationUpdateRequest) => Promise<StationProfile>;

/**
 * The station form: a draft of the profile, edits to it, and `save()` which sends only what changed
 * (and only what the role may change) with PATCH. On success the caller gets the new profile (the
 * form starts again from it); a 409 offers a reload, a 403 names the refused fields.
 */
export function useStationEditor(
  station: StationProfile,
  role: EditorRole,
  onSaved: (station: StationProfile) => void,
  save: StationSaver = updateStation,
) {
  const [draft, setDraft] = useState<StationDraft>(() => draftFromStation(station));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [state, setState] = useState<SaveState>({ status: 'idle' });

  // A new profile (saved, reloaded, another station): the form starts from it.
  useEffect(() => {
    setDraft(draftFromStation(station));
    setErrors({});
  }, [station]);

  const edit = useCallback((change: (draft: StationDraft) => StationDraft, clears: string[] = []) => {
    setDraft(change);
    if (clears.length)
      setErrors((now) => Object.fromEntries(Object.entries(now).filter(([key]) => !clears.some((c) => key === c || key.startsWith(`${c}.`)))));
    setState((now) => (now.status === 'saved' ? { status: 'idle' } : now));
  }, []);

  const setType = useCallback((type: StationType) => edit((d) => ({ ...d, type })), [edit]);
  const toggleCapability = useCallback(
    (key: CapabilityKey) => edit((d) => ({ ...d, capabilities: { ...d.capabilities, [key]: !d.capabilities[key] } })),
    [edit],
  );

  const updateWindow = useCallback(
    (index: number, change: Partial<HoursDraft>, field: string) =>
      edit((d) => ({ ...d, hours: d.hours.map((w, i) => (i === index ? { ...w, ...change } : w)) }), [`hours.${index}.${field}`]),
    [edit],
  );
  const toggleDay = useCallback(
    (index: number, day: number) =>
      edit(
        (d) => ({
          ...d,
          hours: d.hours.map((w, i) =>
            i !== index ? w : { ...w, days: w.days.includes(day) ? w.days.filter((x) => x !== day) : [...w.days, day].sort((a, b) => a - b) },
          ),
        }),
        [`hours.${index}.days`],
      ),
    [edit],
  );
  const setOpen = useCallback((index: number, open: string) => updateWindow(index, { open }, 'open'), [updateWindow]);
  const setClose = useCallback((index: number, close: string) => updateWindow(index, { close }, 'close'), [updateWindow]);
  const addWindow = useCallback(
    () =>
      edit((d) =>
        d.hours.length >= MAX_WINDOWS ? d : { ...d, hours: [...d.hours, { ...DEFAULT_WINDOW, days: d.hours.length ? [7] : DEFAULT_WINDOW.days }] },
      ),
    [edit],
  );
  // Indexes shift: clear every hours error rather than keep one on the wrong window.
  const removeWindow = useCallback((index: number) => edit((d) => ({ ...d, hours: d.hours.filter((_, i) => i !== index) }), ['hours']), [edit]);

  const setLat = useCallback((lat: string) => edit((d) => ({ ...d, lat }), ['lat']), [edit]);
  const setLng = useCallback((lng: string) => edit((d) => ({ ...d, lng }), ['lng']), [edit]);
  const setLocation = useCallback(
    (point: { lat: number; lng: number } | null) =>
      edit(
        (d) => ({ ...d, lat: point ? String(Number(point.lat.toFixed(6))) : '', lng: point ? String(Number(point.lng.toFixed(6))) : '' }),
        ['lat', 'lng'],
      ),
    [edit],
  );
  const setPhone = useCallback((phone: string) => edit((d) => ({ ...d, phone, clearPhone: false }), ['phone']), [edit]);
  const setClearPhone = useCallback((clearPhone: boolean) => edit((d) => ({ ...d, clearPhone, phone: '' }), ['phone']), [edit]);

  const submit = useCallback(async () => {
    const { body, errors: found } = buildUpdate(station, draft, role);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setState({ status: 'failed', message: t('edit.fixErrors'), conflict: false });
      return;
    }
    const fields = Object.keys(body);
    if (fields.length === 0) {
      setState({ status: 'saved', message: t('edit.nothing') });
      return;
    }
    setState({ status: 'saving' });
    try {
      const updated = await save(station.id, body);
      setState({ status: 'saved', message: t('edit.saved', { fields: fields.map(fieldLabel).join(t('list.comma')) }) });
      onSaved(updated);
    } catch (error) {
      const apiError = toApiErrorLike(error);
      setState({ status: 'failed', message: saveErrorText(apiError, role), requestId: supportId(apiError), conflict: apiError.code === 'CONFLICT' });
    }
  }, [station, draft, role, save, onSaved]);

  return {
    draft,
    errors,
    state,
    setType,
    toggleCapability,
    toggleDay,
    setOpen,
    setClose,
    addWindow,
    removeWindow,
    setLat,
    setLng,
    setLocation,
    setPhone,
    setClearPhone,
    submit,
  };
}
