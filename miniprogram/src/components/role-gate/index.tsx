import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import type { Role } from '@shared/roles';
import { t, type MessageKey } from '../../i18n';
import { currentUser } from '../../services/session';
import { StateView } from '../state-view';

export interface RoleGateProps {
  /** Roles that may see the content. */
  roles: readonly Role[];
  title: MessageKey;
  signInPrompt: MessageKey;
  children?: ReactNode;
}

/** Shows `children` to a signed-in user with one of `roles`, otherwise a sign-in prompt. */
export function RoleGate({ roles, title, signInPrompt, children }: RoleGateProps) {
  const user = currentUser();
  if (user && roles.includes(user.role)) return <>{children}</>;
  return (
    <StateView
      id='role-gate'
      kind='empty'
      title={t(title)}
      description={t(signInPrompt)}
      note={t('role.signInSoon')}
      actions={[
        {
          id: 'role-gate-home-button',
          label: t('state.home'),
          kind: 'secondary',
          onClick: () => void Taro.reLaunch({ url: '/pages/index/index' }),
        },
      ]}
    />
  );
}
