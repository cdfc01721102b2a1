import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import type { usePaymentSubmit } from '../../../../hooks/use-payment-submit';
import { t } from '../../../../i18n/staff';
import { requestNote } from '../../../../services/errors';
import { formatFen } from '../../../../services/money';
import { billTypeName } from '../../../../services/payment-text';
import { goBackTo } from '../../../../services/routes';
import { clockOf } from './clock';

/**
 * A payment confirmed on an earlier visit whose answer never came (the app closed or reloaded, the
 * network dropped): it may have gone through. Its result is learnt (the same request and key again;
 * at once when it was confirmed moments ago) or it is given up, before any new payment, so one bill
 * is not paid twice and no earlier payment is taken for a new one.
 */
export function StoredAttemptPanel({ submit }: { submit: ReturnType<typeof usePaymentSubmit> }) {
  const stored = submit.stored!;
  const { state } = submit;
  const busy = state.status === 'submitting';
  const time = clockOf(new Date(stored.startedAt).toISOString());
  return (
    <Panel id="pay-stored" overlap title={t('pay.storedTitle')}>
      <Notice
        id="pay-stored-notice"
        kind="error"
        text={t('pay.stored', { time, bill: billTypeName(stored.body.billType), amount: formatFen(stored.body.amountFen) })}
      />
      <Text className="pay-note">{t('pay.storedExplain')}</Text>
      {busy ? <Notice id="pay-submitting" kind="info" text={state.waiting ? t('pay.waiting') : t('pay.storedChecking')} /> : null}
      {state.status === 'uncertain' ? (
        <Notice id="pay-stored-uncertain" kind="error" text={state.message} note={requestNote(state.requestId)} />
      ) : null}
      <View className="pay-actions">
        <ActionButton id="pay-stored-check" loading={busy} onClick={() => void submit.checkStored()}>
          {t('pay.storedCheck')}
        </ActionButton>
        <ActionButton id="pay-stored-workbench" kind="secondary" disabled={busy} onClick={() => goBackTo('workbench')}>
          {t('pay.storedWorkbench')}
        </ActionButton>
      </View>
      <View className="pay-actions">
        <ActionButton id="pay-stored-discard" kind="danger" size="small" disabled={busy} onClick={submit.discard}>
          {t('pay.discard')}
        </ActionButton>
      </View>
    </Panel>
  );
}
