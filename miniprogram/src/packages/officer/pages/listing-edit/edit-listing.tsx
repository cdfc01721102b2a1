import { useEffect, useState } from 'react';
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ListingStatus, ListingUpdateRequest } from '@shared/schemas/market';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { errorText, t } from '../../../../i18n/staff';
import { isApiError } from '../../../../services/api-error';
import { updateListing, type Listing } from '../../../../services/api-sell';
import { requestNote } from '../../../../services/errors';
import { parseStock } from '../../../../services/listing-form';
import { fenToYuanText, parseYuanToFen } from '../../../../services/money';

type Outcome =
  | { kind: 'none' }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'stale' }
  | { kind: 'invalid'; field: 'price' | 'stock'; key: string }
  | { kind: 'failed'; message: string; requestId?: string };

/**
 * 改价格和库存, 暂停/恢复, 下架 (final, asked first). Orders move the stock all the time: a 409 means
 * the listing changed since this page read it, so the page reloads it (`onStale`) rather than retry
 * over the orders.
 */
export function EditListing({ listing, onSaved, onStale }: { listing: Listing; onSaved: (listing: Listing) => void; onStale: () => void }) {
  const [priceText, setPriceText] = useState(fenToYuanText(listing.priceFen));
  const [stockText, setStockText] = useState(String(listing.stock));
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  // A reload (after a 409, or another edit) shows the stored figures again.
  useEffect(() => {
    setPriceText(fenToYuanText(listing.priceFen));
    setStockText(String(listing.stock));
  }, [listing.priceFen, listing.stock, listing.updatedAt]);

  const send = async (body: ListingUpdateRequest) => {
    setSending(true);
    try {
      onSaved(await updateListing(listing.id, body));
      setOutcome({ kind: 'saved' });
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        setOutcome({ kind: 'stale' });
        onStale();
      } else {
        const code = isApiError(error) ? String(error.code) : 'NETWORK_ERROR';
        setOutcome({
          kind: 'failed',
          message: t('sell.editFailed', { reason: errorText(code) }),
          requestId: isApiError(error) ? error.requestId : undefined,
        });
      }
    } finally {
      setSending(false);
    }
  };

  const saveFigures = () => {
    const price = parseYuanToFen(priceText);
    if (!price.ok || price.fen < 1) {
      setOutcome({ kind: 'invalid', field: 'price', key: price.ok ? 'sell.error.price.empty' : `sell.error.price.${price.reason}` });
      return;
    }
    const stock = parseStock(stockText);
    if (stock === null) {
      setOutcome({ kind: 'invalid', field: 'stock', key: 'sell.error.stock' });
      return;
    }
    const body: ListingUpdateRequest = {};
    if (price.fen !== listing.priceFen) body.priceFen = price.fen;
    if (stock !== listing.stock) body.stock = stock;
    if (Object.keys(body).length === 0) setOutcome({ kind: 'unchanged' });
    else void send(body);
  };

  const setStatus = async (status: ListingStatus) => {
    if (status === 'ENDED') {
      const { confirm } = await Taro.showModal({ title: t('sell.endConfirmTitle'), content: t('sell.endConfirmText') });
      if (!confirm) return;
    }
    void send({ status });
  };

  if (listing.status === 'ENDED') return <Notice id="listing-ended" kind="info" text={t('sell.ended')} />;
  const invalid = outcome.kind === 'invalid' ? outcome : null;
  return (
    <Panel id="listing-edit" title={t('sell.editPanel')}>
      <TextField
        id="listing-edit-price"
        label={t('sell.price', { unit: listing.unitName })}
        value={priceText}
        kind="decimal"
        error={invalid?.field === 'price' ? t(invalid.key as never) : undefined}
        onChange={setPriceText}
      />
      <TextField
        id="listing-edit-stock"
        label={t('sell.stock', { unit: listing.unitName })}
        value={stockText}
        kind="digits"
        maxLength={7}
        error={invalid?.field === 'stock' ? t(invalid.key as never) : undefined}
        onChange={setStockText}
      />
      {outcome.kind === 'saved' ? <Notice id="listing-edit-saved" kind="success" text={t('sell.edited')} /> : null}
      {outcome.kind === 'unchanged' ? <Notice id="listing-edit-unchanged" kind="info" text={t('sell.nothingChanged')} /> : null}
      {outcome.kind === 'stale' ? <Notice id="listing-edit-stale" kind="error" text={t('sell.stale')} /> : null}
      {outcome.kind === 'failed' ? (
        <Notice id="listing-edit-error" kind="error" text={outcome.message} note={requestNote(outcome.requestId)} />
      ) : null}
      <ActionButton id="listing-edit-save" loading={sending} disabled={sending} onClick={saveFigures}>
        {sending ? t('sell.savingEdit') : t('sell.saveEdit')}
      </ActionButton>
      <View className="pay-actions">
        {listing.status === 'ACTIVE' ? (
          <ActionButton id="listing-pause" kind="secondary" disabled={sending} onClick={() => void setStatus('PAUSED')}>
            {t('sell.pause')}
          </ActionButton>
        ) : (
          <ActionButton id="listing-resume" kind="secondary" disabled={sending} onClick={() => void setStatus('ACTIVE')}>
            {t('sell.resume')}
          </ActionButton>
        )}
        <ActionButton id="listing-end" kind="danger" disabled={sending} onClick={() => void setStatus('ENDED')}>
          {t('sell.end')}
        </ActionButton>
      </View>
    </Panel>
  );
}
