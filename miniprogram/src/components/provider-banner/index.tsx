import { Text, View } from '@tarojs/components';
import type { BillProviderMode } from '@shared/schemas/payments';
import { useResource } from '../../hooks/use-resource';
import { t, type MessageKey } from '../../i18n/receipt';
import { getBillTypes } from '../../services/api';
import './index.scss';

export interface ProviderBannerProps {
  id: string;
  /** The stage's bill provider (`GET /bill-types`), or `sandbox` for a receipt taken through it. */
  mode: BillProviderMode | undefined;
  /** On a receipt the sandbox line speaks of that one payment. */
  receipt?: boolean;
}

const TEXT: Record<BillProviderMode, MessageKey> = { sandbox: 'provider.sandboxText', none: 'provider.noneText' };

/**
 * Says plainly, on every screen that takes or shows a payment, when bills are not really paid: the
 * sandbox provider (演示: cash taken, receipts printed, nobody paid) or no provider at all. A live
 * provider shows nothing.
 */
export function ProviderBanner({ id, mode, receipt = false }: ProviderBannerProps) {
  if (!mode) return null;
  return (
    <View id={id} className={`provider-banner provider-banner--${mode}`}>
      <Text className="provider-banner__tag">{t(mode === 'sandbox' ? 'provider.sandboxTag' : 'provider.noneTag')}</Text>
      <Text className="provider-banner__text">{t(receipt && mode === 'sandbox' ? 'provider.sandboxReceipt' : TEXT[mode])}</Text>
    </View>
  );
}

/** The same banner on a page that does not load the bill types itself (nothing while they load or fail). */
export function StageProviderBanner({ id }: { id: string }) {
  const billTypes = useResource('bill-types', getBillTypes);
  return <ProviderBanner id={id} mode={billTypes.state.status === 'ready' ? billTypes.state.value.provider.mode : undefined} />;
}
