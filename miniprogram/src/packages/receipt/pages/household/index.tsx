import { View } from '@tarojs/components';
import type { Role } from '@shared/roles';
import { MyHousehold } from '../../../../components/my-household';
import { RoleGate } from '../../../../components/role-gate';
import { pageStyle } from '../../../../services/page-style';
import { t } from '../../../../i18n/receipt';
import { useNavTitle } from '../../../../hooks/use-nav-title';

/** Who can be linked to a registered household (the same people who have a home station on "me"). */
const HOUSEHOLD_ROLES: readonly Role[] = ['villager', 'buyer', 'expert'];

/**
 * "我家的缴费", opened from "me": the linked household's payments (each opens its receipt), or the
 * one-time code to show the officer. It lives in the receipt subpackage (its receipts are opened from
 * here) so that the main package a villager downloads on the first scan does not carry it.
 */
export default function MyHouseholdPage() {
  useNavTitle(t('me.householdTitle'));
  return (
    <View style={pageStyle} className="page">
      <RoleGate roles={HOUSEHOLD_ROLES} title="me.householdTitle" signInPrompt="me.householdSignIn" deniedText="me.householdSignIn">
        {(me) => <MyHousehold userId={me.user.id} />}
      </RoleGate>
    </View>
  );
}
