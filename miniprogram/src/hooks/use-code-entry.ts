import { useCallback, useState } from 'react';
import { t } from '../i18n/code-entry';
import { isStationCode, normaliseTypedStationCode } from '../services/station-code';

/**
 * The H5 station-code field: its text, its inline error, and `submit()` that returns the code to
 * open (or undefined after showing why not). The text is taken as typed or pasted: spaces, dashes
 * and full-width digits are normalised away. The error clears as soon as the user edits.
 */
export function useCodeEntry(initial = '') {
  const [value, setValueState] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);

  const setValue = useCallback((next: string) => {
    setValueState(next);
    setError(undefined);
  }, []);

  const submit = useCallback((): string | undefined => {
    const code = normaliseTypedStationCode(value);
    if (!isStationCode(code)) {
      setError(t(code === '' ? 'home.codeMissing' : 'home.codeInvalid'));
      return undefined;
    }
    return code;
  }, [value]);

  return { value, error, setValue, submit };
}
