import { useCallback, useState } from 'react';
import { errorText, t } from '../i18n/me';
import { signIn } from '../services/api-account';
import type { ApiError } from '../services/api-error';
import { supportId, toApiErrorLike } from '../services/errors';
import { DEV_OPENID_PATTERN, wechatLoginCode } from '../services/wechat-login';

export type SignInState = { status: 'idle' } | { status: 'pending' } | { status: 'failed'; message: string; requestId?: string };

export interface SignInDeps {
  wechatCode: () => Promise<string>;
  signIn: (code: string) => Promise<unknown>;
}

const defaultDeps: SignInDeps = { wechatCode: wechatLoginCode, signIn };

/** What a failed sign-in tells the user: login has texts of its own for 401, 403 and 503. */
export function signInErrorText(error: ApiError): string {
  switch (error.code) {
    case 'UNAUTHENTICATED':
      return t('login.error.UNAUTHENTICATED');
    case 'FORBIDDEN':
      return t('login.error.FORBIDDEN');
    case 'DEPENDENCY_UNAVAILABLE':
      return t('login.error.DEPENDENCY_UNAVAILABLE');
    default:
      return errorText(error.code);
  }
}

/**
 * Sign-in for the "me" page: WeChat (`wx.login` code -> POST /auth/login) and, in builds with the
 * dev field, `dev:<openid>`. A success stores the session; pages hear of it through useSession, and
 * `onSignedIn` runs (the page the user came from takes over again).
 */
export function useSignIn(deps: SignInDeps = defaultDeps, onSignedIn?: () => void) {
  const [state, setState] = useState<SignInState>({ status: 'idle' });
  const [devOpenid, setDevOpenidState] = useState('');
  const [devError, setDevError] = useState<string | undefined>(undefined);

  const run = useCallback(
    async (code: () => Promise<string>) => {
      setState({ status: 'pending' });
      try {
        await deps.signIn(await code());
        setState({ status: 'idle' });
        onSignedIn?.();
      } catch (error) {
        const apiError = toApiErrorLike(error);
        setState({ status: 'failed', message: signInErrorText(apiError), requestId: supportId(apiError) });
      }
    },
    [deps, onSignedIn],
  );

  const signInWithWeChat = useCallback(() => run(deps.wechatCode), [run, deps]);

  const setDevOpenid = useCallback((value: string) => {
    setDevOpenidState(value);
    setDevError(undefined);
  }, []);

  const signInAsDev = useCallback(async () => {
    const openid = devOpenid.trim();
    if (!DEV_OPENID_PATTERN.test(openid)) {
      setDevError(t('me.devInvalid'));
      return;
    }
    await run(async () => `dev:${openid}`);
  }, [devOpenid, run]);

  return { state, signInWithWeChat, devOpenid, devError, setDevOpenid, signInAsDev };
}
