import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { ListCard, ListRow } from '../../../../components/list-row';
import { Notice } from '../../../../components/notice';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import type { ResourceState } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { createConsignment, shipOrder, type Manifest } from '../../../../services/api-fulfil';
import type { Order } from '../../../../services/api-sell';
import { toApiErrorLike } from '../../../../services/errors';
import { unitText } from './unit-text';
import { formatFen } from '../../../../services/money';

const linesOf = (order: Order) =>
  order.lines.map((l) => t('fulfil.line', { title: l.title, quantity: l.quantity, unit: unitText(l.unit) })).join('，');
const cityOf = (order: Order) => (order.delivery.address ? `${order.delivery.address.province}${order.delivery.address.city}` : '');

/**
 * 发货: the orders ticked to pack get one carrier and tracking number: one order is shipped alone,
 * several go as ONE consignment (the server refuses orders of two cities or of another station).
 */
function ShipForm({ stationId, selected, onShipped }: { stationId: string; selected: string[]; onShipped: (text: string) => void }) {
  const [carrier, setCarrier] = useState('');
  const [trackingNo, setTrackingNo] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const ship = async () => {
    setBusy(true);
    setFailure(null);
    const [name, number] = [carrier.trim(), trackingNo.trim()];
    try {
      if (selected.length === 1) await shipOrder(selected[0], name, number);
      else await createConsignment(stationId, selected, name, number);
      onShipped(t('fulfil.shipped', { count: selected.length, trackingNo: number }));
    } catch (error) {
      setFailure(t('fulfil.failed', { reason: errorText(toApiErrorLike(error).code) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id="ship-form">
      <TextField id="ship-carrier" label={t('fulfil.carrier')} value={carrier} maxLength={20} onChange={setCarrier} />
      <TextField id="ship-tracking" label={t('fulfil.trackingNo')} value={trackingNo} maxLength={40} onChange={setTrackingNo} />
      <ActionButton
        id="ship-submit"
        loading={busy}
        disabled={busy || selected.length === 0 || !carrier.trim() || !trackingNo.trim()}
        onClick={() => void ship()}
      >
        {selected.length > 1 ? t('fulfil.consign', { count: selected.length }) : t('fulfil.ship')}
      </ActionButton>
      {failure ? <Notice id="ship-error" kind="error" text={failure} /> : null}
    </View>
  );
}

/** 今日清单: by seller, what to hand over at the counter and what to pack; packing rows are ticked to ship. */
export function ManifestView({
  stationId,
  state,
  onRetry,
  onChanged,
}: {
  stationId: string;
  state: ResourceState<Manifest>;
  onRetry: () => void;
  onChanged: () => void;
}) {
  const [selected, setSelected] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const toggle = (id: string) => setSelected((now) => (now.includes(id) ? now.filter((x) => x !== id) : [...now, id]));
  if (state.status === 'idle' || state.status === 'loading')
    return <StateView id="manifest-loading" kind="loading" title={t('fulfil.manifestLoading')} />;
  if (state.status === 'error')
    return (
      <ErrorStateView
        id="manifest-error"
        title={t('fulfil.manifestError')}
        error={state.error}
        actions={[{ id: 'manifest-retry', label: t('state.retry'), onClick: onRetry }]}
      />
    );
  const { sellers, date } = state.value;
  return (
    <View id="manifest">
      <Text id="manifest-date" className="list-row__subtitle">
        {t('fulfil.manifestDate', { date })}
      </Text>
      {sellers.length === 0 ? <StateView id="manifest-empty" kind="empty" title={t('fulfil.manifestEmpty')} /> : null}
      {process.env.TARO_ENV === 'h5' && sellers.length > 0 ? (
        // On H5 the browser prints the page as it is (the counter's printer); the mini-program has no printing.
        <ActionButton id="manifest-print" kind="secondary" size="small" onClick={() => window.print()}>
          {t('fulfil.print')}
        </ActionButton>
      ) : null}
      {sellers.map((group) => (
        <Section key={group.sellerId} id={`manifest-${group.sellerId}`} title={group.sellerName}>
          <ListCard>
            {group.handOver.map((order) => (
              <ListRow
                key={order.id}
                id={`manifest-handover-${order.id}`}
                title={t('fulfil.handOverRow', { total: formatFen(order.totalFen) })}
                subtitle={linesOf(order)}
                aside={t(`sell.orderStatus.${order.status}`)}
              />
            ))}
            {group.pack.map((order) => (
              <ListRow
                key={order.id}
                id={`manifest-pack-${order.id}`}
                title={t('fulfil.packRow', { city: cityOf(order), total: formatFen(order.totalFen) })}
                subtitle={linesOf(order)}
                aside={selected.includes(order.id) ? '☑' : '☐'}
                onClick={() => toggle(order.id)}
              />
            ))}
          </ListCard>
        </Section>
      ))}
      {sellers.some((g) => g.pack.length > 0) ? (
        <ShipForm
          stationId={stationId}
          selected={selected}
          onShipped={(text) => {
            setSelected([]);
            setDone(text);
            onChanged();
          }}
        />
      ) : null}
      {done ? <Notice id="ship-done" kind="success" text={done} /> : null}
    </View>
  );
}
