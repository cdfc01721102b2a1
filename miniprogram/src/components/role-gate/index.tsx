import type { ReactNode } from 'react';
import { View } from '@tarojs/components';
import type { Role } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { useMe } from '../../hooks/use-me';
import { goHome, openPage } from '../../services/routes';
import { t, type MessageKey } from '../../i18n/receipt';
import { ErrorStateView, StateView, type StateAction, type StateViewProps } from '../state-view';
import './index.scss';

export interface RoleGateProps {
  /** Roles that may see the content. */
  roles: readonly Role[];
  title: MessageKey;
  signInPrompt: MessageKey;
  /** Why a signed-in user with another role cannot see it. */
  deniedText: MessageKey;
  /** The content, given the user as the server describes them right now. */
  children: (me: MeResponse) => ReactNode;
}

const homeAction = (kind: StateAction['kind']): StateAction => ({ id: 'role-gate-home-button', label: t('state.home'), kind, onClick: goHome });

/** The gate's states sit a little lower than a page's own content would. */
function GateState(props: StateViewProps) {
  return (
    <View className="role-gate">
      <StateView {...props} />
    </View>
  );
}

/**
 * Shows `children` to a user whose role, asked from the server when the page shows (GET /me), is
 * one of `roles`; otherwise a way to sign in or an explanation. The server checks every call
 * anyway: this gate is for the user, not for security.
 */
export function RoleGate({ roles, title, signInPrompt, deniedText, children }: RoleGateProps) {
  const { state, reload } = useMe();

  if (state.status === 'loading') {
    return <GateState id="role-gate-loading" kind="loading" title={t('role.loading')} />;
  }
  if (state.status === 'error') {
    return (
      <View className="role-gate">
        <ErrorStateView
          id="role-gate-error"
          title={t('role.errorTitle')}
          error={state.error}
          actions={[{ id: 'role-gate-retry-button', label: t('state.retry'), onClick: reload }, homeAction('secondary')]}
        />
      </View>
    );
  }
  if (state.status === 'signed-out') {
    return (
      <GateState
        id="role-gate-sign-in"
        kind="empty"
        title={t(title)}
        description={t(signInPrompt)}
        actions={[{ id: 'role-gate-sign-in-button', label: t('role.goSignIn'), onClick: () => openPage('me') }, homeAction('secondary')]}
      />
    );
  }
  const { me } = state;
  if (!roles.includes(me.user.role)) {
    return (
      <GateState
        id="role-gate-denied"
        kind="empty"
        title={t(title)}
        description={t(deniedText)}
        note={t('role.signedInAs', { role: t(`roleName.${me.user.role}`) })}
        actions={[{ id: 'role-gate-me-button', label: t('role.openMe'), onClick: () => openPage('me') }, homeAction('secondary')]}
      />
    );
  }
  return <>{children(me)}</>;
}
