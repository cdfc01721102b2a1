import { useCallback, useState } from 'react';
import type { Household, HouseholdCreateRequest } from '@shared/schemas/households';
import { errorText, t } from '../i18n/staff';
import { createHousehold } from '../services/api';
import { invalidBodyFields, supportId, toApiErrorLike } from '../services/errors';
import { isMobilePhone } from '../services/payment-form';
import { textLength } from '@shared/text-length';

export type HouseholdFormState =
  | { status: 'idle' }
  | { status: 'saving' }
  /** The same head name and phone are registered already: use that household, or confirm a second one. */
  | { status: 'duplicate'; existing: { id: string; label: string; phoneMasked: string | null } }
  | { status: 'failed'; message: string; requestId?: string };

type Errors = Partial<Record<'headName' | 'phone' | 'members' | 'consent', string>>;

/**
 * "张三, 李四 王五、赵六" or "བཀྲ་ཤིས། སྒྲོལ་མ།" -> the names; empty parts dropped. Tibetan names part on
 * the shad and its kin (U+0F0D-U+0F12), a tsheg before one going with it ("ཚེ་རིང་།" is ཚེ་རིང); never on
 * the tsheg alone, which parts the syllables of one name.
 */
export function splitNames(text: string): string[] {
  return text
    .split(/\u0f0b?[\u0f0d-\u0f12,，、;；\s]+/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Checks the registration form; the request to send when it is complete. */
export function buildHouseholdRequest(fields: { headName: string; phone: string; members: string; consent: boolean }): {
  body?: HouseholdCreateRequest;
  errors: Errors;
} {
  const errors: Errors = {};
  const headName = fields.headName.trim();
  if (!headName || textLength(headName) > 40) errors.headName = t('household.headInvalid');
  const phone = fields.phone.trim();
  if (phone && !isMobilePhone(phone)) errors.phone = t('pay.phoneInvalid');
  const members = splitNames(fields.members);
  if (members.length > 20 || members.some((name) => textLength(name) > 40)) errors.members = t('household.membersInvalid');
  if (!fields.consent) errors.consent = t('household.consentRequired');
  if (Object.keys(errors).length > 0) return { errors };
  return {
    body: {
      headName,
      ...(phone ? { phone } : {}),
      ...(members.length ? { members: members.map((name) => ({ name })) } : {}),
      consent: true,
    },
    errors,
  };
}

/** The words for each field of the form a 400 can name. */
function fieldErrorsOf(fields: string[]): Errors {
  const texts: Errors = { headName: t('household.headInvalid'), phone: t('pay.phoneInvalid'), members: t('household.membersInvalid') };
  const errors: Errors = {};
  for (const field of fields) if (field in texts) errors[field as keyof Errors] = texts[field as keyof Errors];
  return errors;
}

/** Registering a household: head, phone, members and the villagers' consent (mandatory). */
export function useHouseholdForm(stationId: string, onCreated: (household: Household) => void, create: typeof createHousehold = createHousehold) {
  const [headName, setHeadNameState] = useState('');
  const [phone, setPhoneState] = useState('');
  const [members, setMembersState] = useState('');
  const [consent, setConsentState] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [state, setState] = useState<HouseholdFormState>({ status: 'idle' });

  const clearing =
    <T>(setter: (value: T) => void, field: keyof Errors) =>
    (value: T) => {
      setter(value);
      setErrors((now) => ({ ...now, [field]: undefined }));
    };

  /** Registers the household; `allowDuplicate` once the officer confirmed it is another family of the same name and phone. */
  const send = useCallback(
    async (allowDuplicate: boolean) => {
      if (state.status === 'saving') return;
      const { body, errors: found } = buildHouseholdRequest({ headName, phone, members, consent });
      setErrors(found);
      if (!body) return;
      setState({ status: 'saving' });
      try {
        const household = await create(stationId, allowDuplicate ? { ...body, allowDuplicate: true } : body);
        setState({ status: 'idle' });
        setHeadNameState('');
        setPhoneState('');
        setMembersState('');
        setConsentState(false);
        onCreated(household);
      } catch (caught) {
        const apiError = toApiErrorLike(caught);
        const existing = apiError.code === 'CONFLICT' ? apiError.details.find((d) => d.code === 'duplicate_household')?.existing : undefined;
        if (existing) {
          setState({ status: 'duplicate', existing });
          return;
        }
        // The server's limits can be stricter than this build's checks: its 400 is worded at the fields.
        const fieldErrors = fieldErrorsOf(invalidBodyFields(apiError));
        if (Object.keys(fieldErrors).length > 0) {
          setErrors(fieldErrors);
          setState({ status: 'failed', message: t('form.fixFields') });
          return;
        }
        setState({ status: 'failed', message: errorText(apiError.code), requestId: supportId(apiError) });
      }
    },
    [state.status, headName, phone, members, consent, create, stationId, onCreated],
  );
  const submit = useCallback(() => send(false), [send]);
  const registerAnyway = useCallback(() => send(true), [send]);

  return {
    headName,
    phone,
    members,
    consent,
    errors,
    state,
    setHeadName: clearing(setHeadNameState, 'headName'),
    setPhone: clearing(setPhoneState, 'phone'),
    setMembers: clearing(setMembersState, 'members'),
    setConsent: clearing(setConsentState, 'consent'),
    submit,
    registerAnyway,
  };
}
