import { Text, View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { MAX_QUESTION_PHOTOS, QUESTION_TEXT } from '@shared/schemas/question-limits';
import type { QuestionField } from '@shared/schemas/questions';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ImagePicker } from '../../../../components/image-picker';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { useAskForm } from '../../../../hooks/use-ask-form';
import { useMe } from '../../../../hooks/use-me';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { t } from '../../../../i18n/ask';
import { getStationHouseholds } from '../../../../services/api';
import { goHome, openSignIn, pageUrl, replacePage } from '../../../../services/routes';
import { leaveAsking, useLeaveGuard } from '../../components/leave-guard';
import { TextBlock } from '../../components/text-block';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../ask.scss';
import { pageStyle } from '../../../../services/page-style';

// Listed in the form's order (shared's QUESTION_FIELDS), spelled out so the bundle carries no zod.
const FIELDS: readonly QuestionField[] = ['crops', 'livestock', 'veterinary', 'policy', 'market'];

const householdsOf = (stationId: string, cursor: string | undefined) => getStationHouseholds(stationId, { cursor });

/** An officer asks for a household of their station: one chip per household, paged. */
function HouseholdChoice({
  stationId,
  selected,
  error,
  onSelect,
}: {
  stationId: string;
  selected: string | null;
  error?: string;
  onSelect: (id: string) => void;
}) {
  const { state, loadMore, retry } = usePagedList(stationId, householdsOf);
  return (
    <View id="ask-households" className="ask__block">
      <Text className="ask__label">{t('ask.form.household')}</Text>
      <Text className="ask__hint">{t('ask.form.householdHint')}</Text>
      {state.status === 'loading' ? <StateView id="ask-households-loading" kind="loading" title={t('ask.form.householdsLoading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="ask-households-error"
          title={t('ask.form.householdsFailed')}
          error={state.error}
          actions={[{ id: 'ask-households-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <Notice id="ask-households-empty" kind="info" text={t('ask.form.householdsEmpty')} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <>
          <ChipGroup>
            {state.items.map((household) => (
              <Chip
                key={household.id}
                id={`ask-household-${household.id}`}
                label={household.headName}
                selected={selected === household.id}
                onClick={() => onSelect(household.id)}
              />
            ))}
          </ChipGroup>
          {state.nextCursor !== null ? <LoadMore id="ask-households-more" hasMore more={state.more} onMore={loadMore} /> : null}
        </>
      ) : null}
      {error ? (
        <Text id="ask-household-error" className="ask__error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}

function AskForm({ me }: { me: MeResponse }) {
  const officerStation = me.user.role === 'officer' ? me.station?.id : undefined;
  const { form, set, errors, state, dirty, picker, submit } = useAskForm(Boolean(officerStation));
  useLeaveGuard(dirty);

  const send = async () => {
    const asked = await submit();
    // The question's page replaces the form: back goes to 问专家, not to a sent form.
    if (asked) replacePage('question', { id: asked.id });
  };

  return (
    <View className="ask">
      {officerStation ? (
        <HouseholdChoice
          stationId={officerStation}
          selected={form.householdId}
          error={errors.householdId}
          onSelect={(id) => set('householdId', id)}
        />
      ) : null}
      <ChipGroup id="ask-fields" label={t('ask.form.field')}>
        {FIELDS.map((field) => (
          <Chip
            key={field}
            id={`ask-field-${field}`}
            label={t(`ask.field.${field}`)}
            selected={form.field === field}
            onClick={() => set('field', field)}
          />
        ))}
      </ChipGroup>
      {errors.field ? (
        <Text id="ask-field-error" className="ask__error">
          {errors.field}
        </Text>
      ) : null}
      <TextBlock
        id="ask-text"
        label={t('ask.form.text')}
        value={form.text}
        max={QUESTION_TEXT.max}
        placeholder={t('ask.form.textPlaceholder')}
        error={errors.text}
        onChange={(text) => set('text', text)}
      />
      <View className="ask__block">
        <Text className="ask__label">{t('ask.form.photos', { max: MAX_QUESTION_PHOTOS })}</Text>
        <ImagePicker picker={picker} id="ask-photos" />
      </View>
      <View className="ask__block">
        <ChipGroup>
          <Chip id="ask-consent" label={t('ask.form.consent')} selected={form.consent} onClick={() => set('consent', !form.consent)} />
        </ChipGroup>
        <Text className="ask__hint">{t('ask.form.consentHint')}</Text>
      </View>
      {state.error ? <Notice id="ask-error" kind="error" text={state.error} /> : null}
      <ActionButton id="ask-submit" loading={state.sending} disabled={state.sending} onClick={() => void send()}>
        {state.sending ? t('ask.form.submitting') : t('ask.form.submit')}
      </ActionButton>
      <Text id="ask-leave" className="ask__link" onClick={() => void leaveAsking(dirty)}>
        {t('ask.form.leave')}
      </Text>
    </View>
  );
}

/** 我要提问: villagers ask for their household (or from their home station), officers for a household of their station. */
export default function AskFormPage() {
  useNavTitle(t('ask.formNavTitle'));
  const { state, reload } = useMe();
  return (
    <View id="ask-form-page" style={pageStyle} className="page">
      {state.status === 'loading' ? <StateView id="ask-form-loading" kind="loading" title={t('ask.form.loading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="ask-form-error"
          title={t('ask.form.loadFailed')}
          error={state.error}
          actions={[{ id: 'ask-form-retry', label: t('state.retry'), onClick: reload }]}
        />
      ) : null}
      {state.status === 'signed-out' ? (
        <StateView
          id="ask-form-sign-in"
          kind="empty"
          title={t('ask.signInTitle')}
          description={t('ask.signInHint')}
          actions={[{ id: 'ask-form-sign-in-button', label: t('ask.goSignIn'), onClick: () => openSignIn(pageUrl('askForm')) }]}
        />
      ) : null}
      {state.status === 'ready' && state.me.user.role !== 'villager' && state.me.user.role !== 'officer' ? (
        <StateView
          id="ask-form-denied"
          kind="empty"
          title={t('ask.formNavTitle')}
          description={t('ask.notAsker')}
          actions={[{ id: 'ask-form-home', label: t('state.home'), onClick: goHome }]}
        />
      ) : null}
      {state.status === 'ready' && (state.me.user.role === 'villager' || state.me.user.role === 'officer') ? <AskForm me={state.me} /> : null}
    </View>
  );
}
