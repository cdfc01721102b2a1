import { useCallback, useState } from 'react';
import { t } from '../i18n/staff';
import { parsePerson } from '../services/account-code';
import { supportId, toApiErrorLike } from '../services/errors';
import { officerAdminApi, officerAdminErrorText, officerLabel, type OfficerAdminApi } from '../services/officer-admin';
import { isStationCode } from '../services/station-code';

export type AppointState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string; userId: string }
  | { status: 'failed'; message: string; requestId?: string };

interface FieldErrors {
  stationCode?: string;
  person?: string;
}

/**
 * The "appoint officer" form: a station code (what admins know, printed on the station's poster)
 * and the person: the 8-digit account code they show from "me" (typed, or its QR code scanned), or
 * their user id. The code is resolved to the station id, then POST /admin/officers.
 */
export function useAppointOfficer(api: OfficerAdminApi = officerAdminApi, fixedStationCode?: string) {
  const [stationCode, setStationCodeState] = useState(fixedStationCode ?? '');
  const [person, setPersonState] = useState('');
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<AppointState>({ status: 'idle' });

  const setStationCode = useCallback((value: string) => {
    setStationCodeState(value);
    setFieldErrors((errors) => ({ ...errors, stationCode: undefined }));
  }, []);
  const setPerson = useCallback((value: string) => {
    setPersonState(value);
    setFieldErrors((errors) => ({ ...errors, person: undefined }));
  }, []);

  /** Scans the villager's account QR code into the field (or says it is not one). */
  const scan = useCallback(async () => {
    const text = await api.scan();
    if (text === undefined) return;
    const found = parsePerson(text);
    if (found && 'accountCode' in found) setPerson(found.accountCode);
    else setFieldErrors((errors) => ({ ...errors, person: t('admin.scanNotAccount') }));
  }, [api, setPerson]);

  const submit = useCallback(async () => {
    const code = stationCode.trim();
    const who = parsePerson(person);
    const errors: FieldErrors = {
      stationCode: isStationCode(code) ? undefined : t('admin.stationCodeInvalid'),
      person: who ? undefined : t('admin.personInvalid'),
    };
    setFieldErrors(errors);
    if (errors.stationCode || !who) return;

    setState({ status: 'pending' });
    let step: 'station' | 'appoint' = 'station';
    try {
      const station = await api.findStation(code);
      step = 'appoint';
      const { user } = await api.appoint(station.id, who);
      setState({
        status: 'done',
        userId: user.id,
        message: t('admin.appointed', { who: officerLabel(user), village: station.villageName }),
      });
      setPersonState('');
    } catch (error) {
      const apiError = toApiErrorLike(error);
      setState({ status: 'failed', message: officerAdminErrorText(step, apiError), requestId: supportId(apiError) });
    }
  }, [api, stationCode, person]);

  return { stationCode, person, fieldErrors, state, setStationCode, setPerson, scan, submit };
}
