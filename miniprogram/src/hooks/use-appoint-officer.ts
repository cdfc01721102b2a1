import { useCallback, useState } from 'react';
import { t } from '../i18n/staff';
import { supportId, toApiErrorLike } from '../services/errors';
import { isUserId, officerAdminApi, officerAdminErrorText, officerLabel, type OfficerAdminApi } from '../services/officer-admin';
import { isStationCode } from '../services/station-code';

export type AppointState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string; userId: string }
  | { status: 'failed'; message: string; requestId?: string };

interface FieldErrors {
  stationCode?: string;
  userId?: string;
}

/**
 * The "appoint officer" form: a station code (what admins know, printed on the station's poster)
 * and the user id the future officer reads off their "me" page. The code is resolved to the
 * station id, then POST /admin/officers.
 */
export function useAppointOfficer(api: OfficerAdminApi = officerAdminApi) {
  const [stationCode, setStationCodeState] = useState('');
  const [userId, setUserIdState] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<AppointState>({ status: 'idle' });

  const setStationCode = useCallback((value: string) => {
    setStationCodeState(value);
    setFieldErrors((errors) => ({ ...errors, stationCode: undefined }));
  }, []);
  const setUserId = useCallback((value: string) => {
    setUserIdState(value);
    setFieldErrors((errors) => ({ ...errors, userId: undefined }));
  }, []);

  const submit = useCallback(async () => {
    const code = stationCode.trim();
    const id = userId.trim();
    const errors: FieldErrors = {
      stationCode: isStationCode(code) ? undefined : t('admin.stationCodeInvalid'),
      userId: isUserId(id) ? undefined : t('admin.userIdInvalid'),
    };
    setFieldErrors(errors);
    if (errors.stationCode || errors.userId) return;

    setState({ status: 'pending' });
    let step: 'station' | 'appoint' = 'station';
    try {
      const station = await api.findStation(code);
      step = 'appoint';
      const { user } = await api.appoint(station.id, id);
      setState({
        status: 'done',
        userId: user.id,
        message: t('admin.appointed', { who: officerLabel(user), village: station.villageName }),
      });
      setUserIdState('');
    } catch (error) {
      const apiError = toApiErrorLike(error);
      setState({ status: 'failed', message: officerAdminErrorText(step, apiError), requestId: supportId(apiError) });
    }
  }, [api, stationCode, userId]);

  return { stationCode, userId, fieldErrors, state, setStationCode, setUserId, submit };
}
