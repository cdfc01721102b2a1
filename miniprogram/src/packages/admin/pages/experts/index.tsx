import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { fieldName, useAppointExpert } from '../../../../hooks/use-appoint-expert';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getRegionChildren } from '../../../../services/api';
import { requestNote } from '../../../../services/errors';
import { EXPERT_FIELD_LIST } from '../../../../services/feed-publish';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/**
 * The regions an expert may be given: the admin's own, or one level below it (a prefecture admin's
 * counties, a county admin's townships). Deeper targets are rare for an expert's remit.
 */
function useRegionChoices(own: { code: string; name: string }) {
  const { state } = useResource(own.code, getRegionChildren);
  const children = state.status === 'ready' ? state.value.items.map((r) => ({ code: r.code, name: r.name })) : [];
  return { loading: state.status === 'loading', choices: [own, ...children] };
}

function AppointExpert({ own }: { own: { code: string; name: string } }) {
  const form = useAppointExpert(own.code);
  const { loading, choices } = useRegionChoices(own);
  const chosen = choices.find((r) => r.code === form.region) ?? own;
  const pending = form.state.status === 'pending';
  return (
    <Panel id="expert-appoint" title={t('expert.title')} intro={t('expert.intro')}>
      <TextField
        id="expert-person-input"
        label={t('admin.personLabel')}
        value={form.person}
        placeholder={t('admin.personPlaceholder')}
        error={form.fieldErrors.person}
        maxLength={40}
        onChange={form.setPerson}
      />
      <ChipGroup id="expert-fields" label={t('expert.fieldLabel')}>
        {EXPERT_FIELD_LIST.map((field) => (
          <Chip
            key={field}
            id={`expert-field-${field}`}
            label={fieldName(field)}
            selected={form.field === field}
            onClick={() => form.setField(field)}
          />
        ))}
      </ChipGroup>
      {form.fieldErrors.field ? (
        <Text id="expert-field-error" className="expert__error">
          {form.fieldErrors.field}
        </Text>
      ) : null}
      <ChipGroup id="expert-regions" label={t('expert.regionLabel')}>
        {choices.map((region) => (
          <Chip
            key={region.code}
            id={`expert-region-${region.code}`}
            label={region.name}
            selected={form.region === region.code}
            onClick={() => form.setRegion(region.code)}
          />
        ))}
      </ChipGroup>
      {loading ? <Text className="expert__note">{t('expert.regionLoading')}</Text> : null}
      <ActionButton id="expert-appoint-button" loading={pending} onClick={() => void form.submit(chosen.name)}>
        {pending ? t('expert.appointing') : t('expert.appoint')}
      </ActionButton>
      {form.state.status === 'done' ? <Notice id="expert-appoint-success" kind="success" text={form.state.message} /> : null}
      {form.state.status === 'failed' ? (
        <Notice id="expert-appoint-error" kind="error" text={form.state.message} note={requestNote(form.state.requestId)} />
      ) : null}
    </Panel>
  );
}

function Content({ me }: { me: MeResponse }) {
  const code = me.user.regionCode;
  if (!code) return <StateView id="expert-no-region" kind="empty" title={t('expert.error.forbidden')} />;
  const own = { code, name: me.region?.name ?? code };
  return (
    <View id="expert-page-content">
      <PageHero
        eyebrow={{ text: t('role.admin.title') }}
        title={{ id: 'expert-title', text: t('expert.title') }}
        lines={[{ text: t('admin.regionLine', { region: own.name }) }]}
      />
      <AppointExpert own={own} />
    </View>
  );
}

/** An admin appoints an expert: the person by account code, a field, a region inside the admin's own. */
export default function AppointExpertPage() {
  useNavTitle(t('expert.navTitle'));
  return (
    <View id="expert-page" style={pageStyle} className="page">
      <RoleGate roles={ADMIN_ROLES} title="role.admin.title" signInPrompt="role.admin.signIn" deniedText="role.admin.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
