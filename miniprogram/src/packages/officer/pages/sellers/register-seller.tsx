import { useState } from 'react';
import { PAGE_LIMIT_MAX } from '@shared/schemas/common';
import { View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useResource } from '../../../../hooks/use-resource';
import { errorText, t } from '../../../../i18n/staff';
import { getStationHouseholds } from '../../../../services/api';
import { isApiError } from '../../../../services/api-error';
import { createSeller, type Seller } from '../../../../services/api-sell';
import { requestNote } from '../../../../services/errors';
import { textLength } from '@shared/text-length';

type Kind = 'household' | 'cooperative';
type Errors = Partial<Record<'household' | 'name' | 'consent', string>>;

/** The station's households to pick from (the first page: a station serves a village, the largest page the API gives; more are not offered here). */
const loadHouseholds = (stationId: string) => getStationHouseholds(stationId, { limit: PAGE_LIMIT_MAX });

/** 登记卖家: a household of the station, picked from its households, or a cooperative by name; consent required. */
export function RegisterSeller({ stationId, onCreated, onCancel }: { stationId: string; onCreated: (seller: Seller) => void; onCancel: () => void }) {
  const [kind, setKind] = useState<Kind>('household');
  const [householdId, setHouseholdId] = useState('');
  const [name, setName] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<{ message: string; requestId?: string } | null>(null);
  const households = useResource(kind === 'household' ? stationId : undefined, loadHouseholds);

  const submit = async () => {
    const found: Errors = {};
    if (kind === 'household' && !householdId) found.household = t('sell.error.household');
    const trimmed = name.trim();
    if (kind === 'cooperative' && (textLength(trimmed) < 2 || textLength(trimmed) > 40)) found.name = t('sell.error.coopName');
    if (!consent) found.consent = t('sell.error.consent');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const body = kind === 'household' ? { kind, householdId, consent: true as const } : { kind, name: trimmed, consent: true as const };
      onCreated(await createSeller(stationId, body));
    } catch (error) {
      const code = isApiError(error) ? String(error.code) : 'NETWORK_ERROR';
      setFailure({ message: t('sell.failed', { reason: errorText(code) }), requestId: isApiError(error) ? error.requestId : undefined });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Panel id="seller-form" title={t('sell.registerTitle')} overlap>
      <ChipGroup id="seller-kind">
        {(['household', 'cooperative'] as const).map((k) => (
          <Chip key={k} id={`seller-kind-${k}`} label={t(`sell.kind.${k}`)} selected={kind === k} disabled={saving} onClick={() => setKind(k)} />
        ))}
      </ChipGroup>
      {kind === 'household' ? (
        <View id="seller-households">
          {households.state.status === 'ready' ? (
            households.state.value.items.length > 0 ? (
              <ChipGroup id="seller-household-chips" label={t('sell.pickHousehold')}>
                {households.state.value.items.map((h) => (
                  <Chip
                    key={h.id}
                    id={`seller-household-${h.id}`}
                    label={h.headName}
                    selected={householdId === h.id}
                    disabled={saving}
                    onClick={() => setHouseholdId(h.id)}
                  />
                ))}
              </ChipGroup>
            ) : (
              <Notice id="seller-no-households" kind="info" text={t('sell.noHouseholds')} />
            )
          ) : households.state.status === 'error' ? (
            <Notice id="seller-households-error" kind="error" text={errorText(String(households.state.error.code))} />
          ) : (
            <StateView id="seller-households-loading" kind="loading" title={t('sell.householdsLoading')} />
          )}
          {errors.household ? <Notice id="seller-household-error" kind="error" text={errors.household} /> : null}
        </View>
      ) : (
        <TextField
          id="seller-coop-name"
          label={t('sell.coopName')}
          value={name}
          placeholder={t('sell.coopPlaceholder')}
          maxLength={40}
          error={errors.name}
          onChange={setName}
        />
      )}
      <Chip id="seller-consent" label={t('sell.consent')} selected={consent} disabled={saving} onClick={() => setConsent(!consent)} />
      {errors.consent ? <Notice id="seller-consent-error" kind="error" text={errors.consent} /> : null}
      {failure ? <Notice id="seller-form-error" kind="error" text={failure.message} note={requestNote(failure.requestId)} /> : null}
      <View className="pay-actions">
        <ActionButton id="seller-save" loading={saving} onClick={() => void submit()}>
          {saving ? t('sell.saving') : t('sell.save')}
        </ActionButton>
        <ActionButton id="seller-cancel" kind="secondary" disabled={saving} onClick={onCancel}>
          {t('sell.cancel')}
        </ActionButton>
      </View>
    </Panel>
  );
}
