import { useCallback, useState } from 'react';
import type { StationProfile } from '@shared/schemas/stations';
import { t } from '../i18n/staff';
import { supportId, toApiErrorLike } from '../services/errors';
import { officerAdminApi, officerAdminErrorText, officerLabel, type OfficerAdminApi } from '../services/officer-admin';
import { isStationCode } from '../services/station-code';

export interface OfficerItem {
  id: string;
  name?: string;
}

export type OfficersListState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; station: StationProfile; officers: OfficerItem[] }
  | { status: 'failed'; message: string; requestId?: string };

/** Outcome of the last removal, shown above the list. */
export type RemovalNotice = { kind: 'done' | 'failed'; message: string } | undefined;

/**
 * The "remove officer" panel: a station code -> that station's officers (GET
 * /stations/{id}/officers), each removable after a confirmation tap (DELETE /admin/officers/{id}).
 */
export function useStationOfficers(api: OfficerAdminApi = officerAdminApi) {
  const [stationCode, setStationCodeState] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>(undefined);
  const [list, setList] = useState<OfficersListState>({ status: 'idle' });
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [removing, setRemoving] = useState<string | undefined>(undefined);
  const [notice, setNotice] = useState<RemovalNotice>(undefined);

  const setStationCode = useCallback((value: string) => {
    setStationCodeState(value);
    setFieldError(undefined);
  }, []);

  const load = useCallback(async () => {
    const code = stationCode.trim();
    if (!isStationCode(code)) {
      setFieldError(t('admin.stationCodeInvalid'));
      return;
    }
    setList({ status: 'loading' });
    setConfirming(undefined);
    setNotice(undefined);
    let step: 'station' | 'list' = 'station';
    try {
      const station = await api.findStation(code);
      step = 'list';
      const { items } = await api.listOfficers(station.id);
      setList({ status: 'ready', station, officers: items });
    } catch (error) {
      const apiError = toApiErrorLike(error);
      setList({ status: 'failed', message: officerAdminErrorText(step, apiError), requestId: supportId(apiError) });
    }
  }, [api, stationCode]);

  const askRemove = useCallback((userId: string) => {
    setConfirming(userId);
    setNotice(undefined);
  }, []);
  const cancelRemove = useCallback(() => setConfirming(undefined), []);

  const confirmRemove = useCallback(
    async (officer: OfficerItem) => {
      setConfirming(undefined);
      setRemoving(officer.id);
      try {
        await api.remove(officer.id);
        setList((current) => (current.status === 'ready' ? { ...current, officers: current.officers.filter((o) => o.id !== officer.id) } : current));
        setNotice({ kind: 'done', message: t('admin.removed', { who: officerLabel(officer) }) });
      } catch (error) {
        setNotice({ kind: 'failed', message: officerAdminErrorText('remove', toApiErrorLike(error)) });
      } finally {
        setRemoving(undefined);
      }
    },
    [api],
  );

  return { stationCode, fieldError, list, confirming, removing, notice, setStationCode, load, askRemove, cancelRemove, confirmRemove };
}
