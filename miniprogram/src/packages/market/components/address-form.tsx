import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { TextField } from '../../../components/text-field';
import { errorText, t } from '../../../i18n/market';
import { addAddress, type AddressView } from '../../../services/api-market';
import { toApiErrorLike } from '../../../services/errors';
import { textLength } from '@shared/text-length';

const EMPTY = { name: '', phone: '', province: '青海省', city: '', county: '', detail: '' };
type Fields = typeof EMPTY;
const LABELS: Record<keyof Fields, Parameters<typeof t>[0]> = {
  name: 'market.addressName',
  phone: 'market.addressPhone',
  province: 'market.addressProvince',
  city: 'market.addressCity',
  county: 'market.addressCounty',
  detail: 'market.addressDetail',
};

/** The server's own bounds (AddressCreateRequest), checked before sending so the buyer is told at once. */
function complete(fields: Fields): boolean {
  const trimmed = (key: keyof Fields) => fields[key].trim();
  return (
    textLength(trimmed('name')) >= 1 &&
    /^1\d{10}$/.test(trimmed('phone')) &&
    (['province', 'city', 'county', 'detail'] as const).every((key) => textLength(trimmed(key)) >= 2)
  );
}

/** A new delivery address: name, phone, province, city, county, detail. */
export function AddressForm({ onSaved }: { onSaved: (address: AddressView) => void }) {
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!complete(fields)) {
      setError(t('market.addressInvalid'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, value.trim()])) as Fields;
      const saved = await addAddress(body);
      setFields(EMPTY);
      onSaved(saved);
    } catch (failure) {
      setError(t('market.failed', { reason: errorText(toApiErrorLike(failure).code) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id="address-form">
      {(Object.keys(LABELS) as Array<keyof Fields>).map((key) => (
        <TextField
          key={key}
          id={`address-${key}`}
          label={t(LABELS[key])}
          value={fields[key]}
          kind={key === 'phone' ? 'phone' : 'text'}
          onChange={(value) => setFields((now) => ({ ...now, [key]: value }))}
        />
      ))}
      {error ? (
        <Text id="address-error" className="market-muted">
          {error}
        </Text>
      ) : null}
      <ActionButton id="address-save" kind="secondary" loading={busy} disabled={busy} onClick={() => void save()}>
        {t('market.saveAddress')}
      </ActionButton>
    </View>
  );
}
