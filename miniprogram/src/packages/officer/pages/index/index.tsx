import { View } from '@tarojs/components';
import { RoleGate } from '../../../../components/role-gate';
import './index.scss';

/** The officer's workspace (payments, listings, trainings of their station): a shell until sign-in lands. */
export default function OfficerHomePage() {
  return (
    <View id='officer-page' className='staff-page'>
      <RoleGate roles={['officer']} title='role.officer.title' signInPrompt='role.officer.signIn' />
    </View>
  );
}
