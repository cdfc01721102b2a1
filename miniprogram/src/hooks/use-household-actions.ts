import { useCallback, useState } from 'react';
import type { Household } from '@shared/schemas/households';
import type { BillType } from '@shared/schemas/payments';
import { errorText, t } from '../i18n/staff';
import { linkHousehold, saveBillBookEntry } from '../services/api';
import { toApiErrorLike } from '../services/errors';
import { isAccountNo } from '../services/payment-form';
import { billTypeName } from '../services/payment-text';

export type ActionState = { status: 'idle' } | { status: 'pending' } | { status: 'done'; message: string } | { status: 'failed'; message: string };

/** Editing one bill-book entry at a time: which type is open, the account typed, save. */
export function useBillBookEditor(householdId: string, onSaved: (household: Household) => void, save: typeof saveBillBookEntry = saveBillBookEntry) {
  const [editing, setEditing] = useState<BillType | null>(null);
  const [accountNo, setAccountNoState] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState<ActionState>({ status: 'idle' });

  const open = useCallback((billType: BillType | null) => {
    setEditing(billType);
    setAccountNoState('');
    setError(undefined);
    setState({ status: 'idle' });
  }, []);
  const setAccountNo = useCallback((value: string) => {
    setAccountNoState(value);
    setError(undefined);
  }, []);

  const submit = useCallback(async () => {
    if (!editing || state.status === 'pending') return;
    const value = accountNo.trim();
    if (!isAccountNo(value)) {
      setError(t('pay.accountInvalid'));
      return;
    }
    setState({ status: 'pending' });
    try {
      const household = await save(householdId, editing, value);
      setState({ status: 'done', message: t('household.billBookSaved', { type: billTypeName(editing) }) });
      setEditing(null);
      onSaved(household);
    } catch (caught) {
      setState({ status: 'failed', message: errorText(toApiErrorLike(caught).code) });
    }
  }, [editing, state.status, accountNo, save, householdId, onSaved]);

  return { editing, accountNo, error, state, open, setAccountNo, submit };
}

/** The officer types the 6-digit code a villager shows: the villager's WeChat is linked to the household. */
export function useLinkHousehold(householdId: string, onLinked: (household: Household) => void, link: typeof linkHousehold = linkHousehold) {
  const [code, setCodeState] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [state, setState] = useState<ActionState>({ status: 'idle' });

  const setCode = useCallback((value: string) => {
    setCodeState(value);
    setError(undefined);
  }, []);

  const submit = useCallback(async () => {
    if (state.status === 'pending') return;
    const value = code.trim();
    if (!/^\d{6}$/.test(value)) {
      setError(t('household.linkInvalid'));
      return;
    }
    setState({ status: 'pending' });
    try {
      const { household } = await link(householdId, value);
      setState({ status: 'done', message: t('household.linked') });
      setCodeState('');
      onLinked(household);
    } catch (caught) {
      const apiError = toApiErrorLike(caught);
      const message =
        apiError.code === 'NOT_FOUND' || apiError.code === 'VALIDATION_FAILED'
          ? t('household.error.linkNotFound')
          : apiError.code === 'CONFLICT'
            ? t('household.error.CONFLICT')
            : errorText(apiError.code);
      setState({ status: 'failed', message });
    }
  }, [state.status, code, link, householdId, onLinked]);

  return { code, error, state, setCode, submit };
}
