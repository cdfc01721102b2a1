import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MeResponse } from '@shared/schemas/accounts';
import type { Household } from '@shared/schemas/households';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { StageProviderBanner } from '../../../../components/provider-banner';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useBillBookEditor, useLinkHousehold } from '../../../../hooks/use-household-actions';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getBillTypes, getHousehold } from '../../../../services/api';
import { formatChinaTime } from '../../../../services/format';
import { billTypeName } from '../../../../services/payment-text';
import { openPage } from '../../../../services/routes';
import { personText } from '../../../../services/person-label';
import { QuickLog } from '../../components/quick-log';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

function BillBook({ household, onSaved }: { household: Household; onSaved: (household: Household) => void }) {
  const types = useResource('bill-types', getBillTypes);
  const editor = useBillBookEditor(household.id, onSaved);
  const billTypes =
    types.state.status === 'ready' ? types.state.value.items.map((item) => item.billType) : household.billBook.map((entry) => entry.billType);
  return (
    <Panel id="household-bill-book" title={t('household.billBookTitle')} intro={t('household.billBookIntro')}>
      {billTypes.map((billType) => {
        const entry = household.billBook.find((e) => e.billType === billType);
        const editing = editor.editing === billType;
        return (
          <View key={billType} id={`household-book-${billType}`} className="household-book">
            <View className="household-book__row">
              <Text className="household-book__type">{billTypeName(billType)}</Text>
              <Text id={`household-book-${billType}-account`} className="household-book__account">
                {entry ? entry.accountNoMasked : t('household.billBookEmpty')}
              </Text>
              {!editing ? (
                <ActionButton id={`household-book-${billType}-edit`} kind="secondary" size="small" onClick={() => editor.open(billType)}>
                  {entry ? t('household.billBookEdit') : t('household.billBookAdd')}
                </ActionButton>
              ) : null}
            </View>
            {editing ? (
              <View className="household-book__editor">
                <TextField
                  id={`household-book-${billType}-input`}
                  label={t('pay.accountLabel')}
                  value={editor.accountNo}
                  placeholder={t('pay.accountPlaceholder')}
                  maxLength={32}
                  error={editor.error}
                  onChange={editor.setAccountNo}
                  onConfirm={() => void editor.submit()}
                />
                <View className="pay-actions">
                  <ActionButton
                    id={`household-book-${billType}-save`}
                    size="small"
                    loading={editor.state.status === 'pending'}
                    onClick={() => void editor.submit()}
                  >
                    {t('household.billBookSave')}
                  </ActionButton>
                  <ActionButton id={`household-book-${billType}-cancel`} kind="secondary" size="small" onClick={() => editor.open(null)}>
                    {t('household.cancel')}
                  </ActionButton>
                </View>
              </View>
            ) : null}
          </View>
        );
      })}
      {editor.state.status === 'done' ? <Notice id="household-book-saved" kind="success" text={editor.state.message} /> : null}
      {editor.state.status === 'failed' ? <Notice id="household-book-error" kind="error" text={editor.state.message} /> : null}
    </Panel>
  );
}

function LinkPanel({ household, onLinked }: { household: Household; onLinked: (household: Household) => void }) {
  const link = useLinkHousehold(household.id, onLinked);
  return (
    <Panel id="household-link" title={t('household.linkTitle')} intro={t('household.linkIntro')}>
      <TextField
        id="household-link-input"
        label={t('household.linkCode')}
        value={link.code}
        placeholder={t('household.linkPlaceholder')}
        kind="phone"
        maxLength={6}
        error={link.error}
        onChange={link.setCode}
        onConfirm={() => void link.submit()}
      />
      <ActionButton id="household-link-button" loading={link.state.status === 'pending'} onClick={() => void link.submit()}>
        {link.state.status === 'pending' ? t('household.linking') : t('household.link')}
      </ActionButton>
      {link.state.status === 'done' ? <Notice id="household-linked" kind="success" text={link.state.message} /> : null}
      {link.state.status === 'failed' ? <Notice id="household-link-error" kind="error" text={link.state.message} /> : null}
    </Panel>
  );
}

const noop = () => undefined;

function Detail({ household, onChange, officer }: { household: Household; onChange: (household: Household) => void; officer: boolean }) {
  const members = household.members.map((member) => member.name).join(t('list.comma'));
  return (
    <View id="household-detail">
      <PageHero title={{ id: 'household-name', text: household.headName }} lines={[{ text: t('household.infoTitle') }]} overlap />
      <StageProviderBanner id="household-provider" />
      <Panel overlap>
        <InfoList
          items={[
            { id: 'household-head', label: t('household.head'), value: household.headName },
            { id: 'household-phone', label: t('household.phoneLabel'), value: household.phoneMasked ?? t('households.noPhone') },
            { id: 'household-members', label: t('household.membersLabel'), value: members || t('receipt.none') },
            {
              id: 'household-consent-at',
              label: t('household.consentLabel'),
              value: t('household.consentValue', { time: formatChinaTime(household.consent.at), by: personText(household.consent.by) }),
            },
            { id: 'household-linked-count', label: t('household.linkedLabel'), value: t('household.linkedValue', { n: household.linkedUserCount }) },
          ]}
        />
        {officer ? (
          <ActionButton id="household-pay" onClick={() => openPage('pay', { householdId: household.id })}>
            {t('household.payFor')}
          </ActionButton>
        ) : null}
      </Panel>
      {officer ? <QuickLog idPrefix="household" stationId={household.stationId} householdId={household.id} onLogged={noop} /> : null}
      {officer ? <BillBook household={household} onSaved={onChange} /> : null}
      {officer ? <LinkPanel household={household} onLinked={onChange} /> : null}
    </View>
  );
}

function Content({ me, householdId }: { me: MeResponse; householdId: string | undefined }) {
  const { state, retry, refresh, replace } = useResource(householdId, getHousehold);
  // Back from a payment for this household (its bill book may have a new account), keeping a link
  // code or an account being typed.
  useReloadOnShow(refresh);
  if (!householdId) return <StateView id="household-missing" kind="empty" title={t('household.missing')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="household-error"
        title={t('household.errorTitle')}
        error={state.error}
        actions={[{ id: 'household-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.status !== 'ready') return <StateView id="household-loading" kind="loading" title={t('household.loading')} />;
  return <Detail household={state.value} onChange={replace} officer={me.user.role === 'officer'} />;
}

/** One household: who, consent, its bill book (edited here) and linking a villager's WeChat to it. */
export default function HouseholdPage() {
  useNavTitle(t('household.navTitle'));
  const router = useRouter();
  return (
    <View id="household-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} householdId={router.params.id} />}
      </RoleGate>
    </View>
  );
}
