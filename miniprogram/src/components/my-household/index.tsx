import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { MyPaymentsAnswer } from '../../services/api';
import { getMyPayments } from '../../services/api';
import { useOfflineFirstPage } from '../../hooks/use-offline-first-page';
import { usePagedList } from '../../hooks/use-paged-list';
import { OfflineAge } from '../offline-age';
import { useReloadOnShow } from '../../hooks/use-reload-on-show';
import { useLinkCode } from '../../hooks/use-link-code';
import { errorText, t } from '../../i18n/receipt';
import { formatChinaTime } from '../../services/format';
import { ActionButton } from '../action-button';
import { Notice } from '../notice';
import { Panel } from '../panel';
import { PaymentList } from '../payment-list';
import './index.scss';

type LinkedHousehold = MyPaymentsAnswer['household'];

/**
 * "我家的缴费" (packages/receipt/pages/household, opened from "me"): a villager linked to a registered household sees its payments (each opens
 * its receipt); one who is not gets a one-time code to show the officer, who links them.
 */
const fetchMyPayments = (_key: string, cursor: string | undefined) => getMyPayments({ cursor });

export function MyHousehold({ userId }: { userId: string }) {
  const [household, setHousehold] = useState<LinkedHousehold>(null);
  // A villager's recent receipts are kept on the device: shown without signal, with their age.
  const { fetchPage, cachedAt } = useOfflineFirstPage('receipts', fetchMyPayments);
  const { state, loadMore, retry, refresh } = usePagedList(userId, fetchPage, {
    // Only the latest load's answer: an older one cannot bring back a household since unlinked.
    onFirstPage: (page) => setHousehold(page.household),
  });
  // Back on "me" after showing the code to the officer: linked now, the household and its payments.
  useReloadOnShow(refresh);
  const link = useLinkCode();

  if (state.status === 'error') {
    return (
      <Panel id="me-household" title={t('me.householdTitle')}>
        <Notice id="me-household-error" kind="error" text={t('me.householdError', { reason: errorText(state.error.code) })} />
        <ActionButton id="me-household-retry" kind="secondary" onClick={retry}>
          {t('state.retry')}
        </ActionButton>
      </Panel>
    );
  }
  if (state.status !== 'ready') {
    return (
      <Panel id="me-household" title={t('me.householdTitle')}>
        <Text className="my-household__note">{t('me.householdLoading')}</Text>
      </Panel>
    );
  }
  if (!household) {
    return (
      <Panel id="me-household" title={t('me.householdTitle')} intro={t('me.householdIntro')}>
        {link.state.status === 'ready' ? (
          <View id="me-household-code-box" className="my-household__code-box">
            <Text className="my-household__label">{t('me.householdCode')}</Text>
            <Text id="me-household-code" className="my-household__code" userSelect selectable>
              {link.state.code.code}
            </Text>
            <Text className="my-household__note">{t('me.householdCodeHint', { time: formatChinaTime(link.state.code.expiresAt).slice(11) })}</Text>
          </View>
        ) : null}
        {link.state.status === 'failed' ? <Notice id="me-household-link-error" kind="error" text={link.state.message} /> : null}
        <ActionButton
          id="me-household-link"
          kind={link.state.status === 'ready' ? 'secondary' : 'primary'}
          loading={link.state.status === 'loading'}
          onClick={() => void link.request()}
        >
          {link.state.status === 'loading' ? t('me.householdLinking') : t('me.householdLink')}
        </ActionButton>
        {link.state.status === 'ready' ? (
          <ActionButton id="me-household-refresh" kind="secondary" onClick={retry}>
            {t('me.householdRefresh')}
          </ActionButton>
        ) : null}
      </Panel>
    );
  }
  return (
    <Panel id="me-household" title={t('me.householdTitle')}>
      <Text id="me-household-name" className="my-household__name">
        {t('me.householdName', { name: household.headName })}
      </Text>
      <OfflineAge id="me-household-offline-age" cachedAt={cachedAt} />
      <PaymentList id="me-payments" state={state} empty={t('me.householdEmpty')} fullDate onMore={loadMore} onRetry={retry} />
    </Panel>
  );
}
