import { View } from '@tarojs/components';
// roles.ts is plain constants (no zod), so a value import from @shared is fine here.
import { ADMIN_ROLES } from '@shared/roles';
import { RoleGate } from '../../../../components/role-gate';
import './index.scss';

/** The administrators' back office (stations, officers and statistics of their region): a shell until sign-in lands. */
export default function AdminHomePage() {
  return (
    <View id='admin-page' className='staff-page'>
      <RoleGate roles={ADMIN_ROLES} title='role.admin.title' signInPrompt='role.admin.signIn' />
    </View>
  );
}
