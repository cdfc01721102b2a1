import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import type { Household } from '@shared/schemas/households';
import { ActionButton } from '../../../../components/action-button';
import { Chip } from '../../../../components/chip';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useHouseholdForm } from '../../../../hooks/use-household-form';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { getStationHouseholds } from '../../../../services/api';
import { requestNote } from '../../../../services/errors';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

/** The same head name and phone are registered already: open that household, or register a second family anyway. */
function DuplicateWarning({
  existing,
  onRegisterAnyway,
}: {
  existing: { id: string; label: string; phoneMasked: string | null };
  onRegisterAnyway: () => void;
}) {
  const who = existing.phoneMasked ? t('household.duplicateWho', { name: existing.label, phone: existing.phoneMasked }) : existing.label;
  return (
    <View id="household-duplicate">
      <Notice id="household-duplicate-text" kind="error" text={t('household.duplicate', { who })} />
      <View className="pay-actions">
        <ActionButton id="household-duplicate-open" onClick={() => openPage('household', { id: existing.id })}>
          {t('household.duplicateOpen')}
        </ActionButton>
        <ActionButton id="household-duplicate-anyway" kind="secondary" onClick={onRegisterAnyway}>
          {t('household.duplicateAnyway')}
        </ActionButton>
      </View>
    </View>
  );
}

function RegisterForm({ stationId, onCreated, onCancel }: { stationId: string; onCreated: (household: Household) => void; onCancel: () => void }) {
  const form = useHouseholdForm(stationId, onCreated);
  const saving = form.state.status === 'saving';
  return (
    <Panel id="household-form" title={t('household.formTitle')} overlap>
      <TextField
        id="household-head-input"
        label={t('household.headName')}
        value={form.headName}
        placeholder={t('household.headPlaceholder')}
        maxLength={40}
        error={form.errors.headName}
        onChange={form.setHeadName}
      />
      <TextField
        id="household-phone-input"
        label={t('household.phone')}
        value={form.phone}
        placeholder={t('pay.phonePlaceholder')}
        kind="phone"
        maxLength={11}
        error={form.errors.phone}
        onChange={form.setPhone}
      />
      <TextField
        id="household-members-input"
        label={t('household.members')}
        value={form.members}
        placeholder={t('household.membersPlaceholder')}
        maxLength={400}
        error={form.errors.members}
        onChange={form.setMembers}
      />
      <Chip id="household-consent" label={t('household.consent')} selected={form.consent} onClick={() => form.setConsent(!form.consent)} />
      {form.errors.consent ? <Notice id="household-consent-error" kind="error" text={form.errors.consent} /> : null}
      {form.state.status === 'failed' ? (
        <Notice id="household-form-error" kind="error" text={form.state.message} note={requestNote(form.state.requestId)} />
      ) : null}
      {form.state.status === 'duplicate' ? (
        <DuplicateWarning existing={form.state.existing} onRegisterAnyway={() => void form.registerAnyway()} />
      ) : null}
      <View className="pay-actions">
        <ActionButton id="household-save-button" loading={saving} onClick={() => void form.submit()}>
          {saving ? t('household.saving') : t('household.save')}
        </ActionButton>
        <ActionButton id="household-cancel-button" kind="secondary" disabled={saving} onClick={onCancel}>
          {t('household.cancel')}
        </ActionButton>
      </View>
    </Panel>
  );
}

function Households({ stationId, villageName }: { stationId: string; villageName: string }) {
  const { state, loadMore, retry } = usePagedList(stationId, (id, cursor) => getStationHouseholds(id, { cursor }));
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<Household | null>(null);
  useReloadOnShow(retry);

  return (
    <View id="households">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ text: t('households.title') }}
        lines={[{ text: t('households.intro') }]}
        overlap
      />
      <StageProviderBanner id="households-provider" />
      {registering ? (
        <RegisterForm
          stationId={stationId}
          onCancel={() => setRegistering(false)}
          onCreated={(household) => {
            setRegistering(false);
            setCreated(household);
            retry();
          }}
        />
      ) : (
        <Panel overlap>
          {created ? <Notice id="household-created" kind="success" text={t('household.saved', { name: created.headName })} /> : null}
          <View className="pay-actions">
            <ActionButton id="households-register" onClick={() => setRegistering(true)}>
              {t('households.register')}
            </ActionButton>
            {created ? (
              <ActionButton id="household-created-open" kind="secondary" onClick={() => openPage('household', { id: created.id })}>
                {created.headName}
              </ActionButton>
            ) : null}
          </View>
        </Panel>
      )}
      <Section id="households-section" title={t('households.listTitle')}>
        {state.status === 'idle' || state.status === 'loading' ? (
          <StateView id="households-loading" kind="loading" title={t('households.loading')} />
        ) : null}
        {state.status === 'error' ? (
          <ErrorStateView
            id="households-error"
            title={t('households.errorTitle')}
            error={state.error}
            actions={[{ id: 'households-retry', label: t('state.retry'), onClick: retry }]}
          />
        ) : null}
        {state.status === 'ready' && state.items.length === 0 ? <StateView id="households-empty" kind="empty" title={t('households.empty')} /> : null}
        {state.status === 'ready' && state.items.length > 0 ? (
          <View id="households-list">
            <ListCard>
              {state.items.map((household) => (
                <ListRow
                  key={household.id}
                  id={`household-row-${household.id}`}
                  title={household.headName}
                  subtitle={t('households.rowSubtitle', { phone: household.phoneMasked ?? t('households.noPhone'), n: household.billBook.length })}
                  onClick={() => openPage('household', { id: household.id })}
                />
              ))}
            </ListCard>
            {state.nextCursor !== null ? <LoadMore id="households-more" hasMore more={state.more} onMore={loadMore} /> : null}
          </View>
        ) : null}
      </Section>
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="households-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Households stationId={me.station.id} villageName={me.station.villageName} />;
}

/** The households the station serves: the list, and registering one (with the villagers' consent). */
export default function HouseholdsPage() {
  useNavTitle(t('households.navTitle'));
  return (
    <View id="households-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
