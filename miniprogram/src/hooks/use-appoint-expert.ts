import { useCallback, useState } from 'react';
import { errorText, t, type MessageKey } from '../i18n/staff';
import { parsePerson } from '../services/account-code';
import { appointExpert } from '../services/api-publish';
import { supportId, toApiErrorLike } from '../services/errors';
import type { ExpertField } from '../services/feed-publish';

export type AppointExpertState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'done'; message: string; userId: string }
  | { status: 'failed'; message: string; requestId?: string };

interface FieldErrors {
  person?: string;
  field?: string;
}

export const fieldName = (field: ExpertField) => t(`expert.field.${field}` as MessageKey);

/**
 * The "appoint expert" form: the person by the 8-digit account code they show from "me" (typed, or its
 * QR code scanned) or their user id, as for officers; a field; a region inside the admin's own
 * (`regionName` names the chosen one in the result). Then POST /admin/experts.
 */
export function useAppointExpert(initialRegion: string, send: typeof appointExpert = appointExpert) {
  const [person, setPersonState] = useState('');
  const [field, setFieldState] = useState<ExpertField | undefined>();
  const [region, setRegion] = useState(initialRegion);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<AppointExpertState>({ status: 'idle' });

  const setPerson = useCallback((value: string) => {
    setPersonState(value);
    setFieldErrors((errors) => ({ ...errors, person: undefined }));
  }, []);
  const setField = useCallback((value: ExpertField) => {
    setFieldState(value);
    setFieldErrors((errors) => ({ ...errors, field: undefined }));
  }, []);

  const submit = useCallback(
    async (regionName: string) => {
      const who = parsePerson(person);
      const errors: FieldErrors = {
        person: who ? undefined : t('admin.personInvalid'),
        field: field ? undefined : t('expert.fieldMissing'),
      };
      setFieldErrors(errors);
      if (!who || !field) return;
      setState({ status: 'pending' });
      try {
        const { user } = await send(who, field, region);
        setState({ status: 'done', userId: user.id, message: t('expert.appointed', { who: user.id, region: regionName, field: fieldName(field) }) });
        setPersonState('');
      } catch (caught) {
        const error = toApiErrorLike(caught);
        setState({ status: 'failed', message: appointExpertErrorText(error.code), requestId: supportId(error) });
      }
    },
    [person, field, region, send],
  );

  return { person, field, region, fieldErrors, state, setPerson, setField, setRegion, submit };
}

/** 404 covers an unknown or used code, someone who cannot be made an expert and anyone outside the region alike (nothing is disclosed). */
export function appointExpertErrorText(code: string): string {
  if (code === 'NOT_FOUND') return t('expert.error.notFound');
  if (code === 'VALIDATION_FAILED') return t('expert.error.invalid');
  if (code === 'FORBIDDEN') return t('expert.error.forbidden');
  return errorText(code);
}
