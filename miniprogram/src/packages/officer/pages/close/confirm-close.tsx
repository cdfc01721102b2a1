import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { t } from '../../../../i18n/staff';
import { formatFen } from '../../../../services/money';
import { varianceText } from '../../../../services/payment-text';
import './confirm-close.scss';

export interface ConfirmCloseProps {
  date: string;
  expectedFen: number;
  countedFen: number;
  note: string;
  /** The station is open until this time today ("18:00"): closing now stops payments early. */
  closesAt?: string;
  submitting: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The last look before a close, which cannot be undone: expected, counted, the variance in words,
 * the note, and a warning when the station is still open today.
 */
export function ConfirmClose({ date, expectedFen, countedFen, note, closesAt, submitting, onConfirm, onCancel }: ConfirmCloseProps) {
  const varianceFen = countedFen - expectedFen;
  return (
    <View id="close-confirm" className="close-confirm">
      <View className="close-confirm__dialog">
        <Text className="close-confirm__title">{t('close.confirmTitle', { date })}</Text>
        <InfoList
          items={[
            { id: 'close-confirm-expected', label: t('close.expected'), value: formatFen(expectedFen) },
            { id: 'close-confirm-counted', label: t('close.counted'), value: formatFen(countedFen) },
            { id: 'close-confirm-variance', label: t('close.varianceLabel'), value: `${formatFen(varianceFen)}（${varianceText(varianceFen)}）` },
            ...(note.trim() ? [{ id: 'close-confirm-note', label: t('close.noteLabel'), value: note.trim() }] : []),
          ]}
        />
        {closesAt ? <Notice id="close-confirm-early" kind="error" text={t('close.early', { time: closesAt })} /> : null}
        <Text className="pay-note">{t('close.confirmFinal')}</Text>
        <View className="pay-actions">
          <ActionButton id="close-confirm-button" kind="danger" loading={submitting} onClick={onConfirm}>
            {submitting ? t('close.submitting') : t('close.confirmSubmit')}
          </ActionButton>
          <ActionButton id="close-confirm-cancel" kind="secondary" disabled={submitting} onClick={onCancel}>
            {t('close.confirmCancel')}
          </ActionButton>
        </View>
      </View>
    </View>
  );
}
