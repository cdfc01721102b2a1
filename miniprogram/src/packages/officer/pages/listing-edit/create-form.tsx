import { useState } from 'react';
import { Picker, Text, Textarea, View } from '@tarojs/components';
import { LISTING_UNIT_NAMES, LISTING_UNITS, MAX_LISTING_PHOTOS } from '@shared/schemas/market';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ImagePicker } from '../../../../components/image-picker';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { useImagePicker } from '../../../../hooks/use-image-picker';
import { errorText, t } from '../../../../i18n/staff';
import { isApiError } from '../../../../services/api-error';
import { createListing, type Category, type Listing } from '../../../../services/api-sell';
import { chinaDate } from '../../../../services/business-date';
import { requestNote } from '../../../../services/errors';
import { textLength } from '@shared/text-length';
import { checkDraft, emptyDraft, MAX_DESCRIPTION, type DraftErrors, type ListingDraft } from '../../../../services/listing-form';

/** 上架商品 for one seller: the form, its photos uploaded as they are chosen, then `POST /listings`. */
export function CreateListingForm({
  sellerId,
  sellerName,
  categories,
  onCreated,
}: {
  sellerId: string;
  sellerName: string | undefined;
  categories: Category[];
  onCreated: (listing: Listing) => void;
}) {
  const [draft, setDraft] = useState<ListingDraft>(emptyDraft);
  const [errors, setErrors] = useState<DraftErrors>({});
  const [photoError, setPhotoError] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ message: string; requestId?: string } | null>(null);
  const picker = useImagePicker([], { purpose: 'listing_photo', max: MAX_LISTING_PHOTOS });
  const set = <K extends keyof ListingDraft>(key: K, value: ListingDraft[K]) => setDraft((now) => ({ ...now, [key]: value }));
  const unitName = LISTING_UNIT_NAMES[draft.unit];
  const shown = (field: keyof DraftErrors) => (errors[field] ? t(errors[field] as never) : undefined);

  const submit = async () => {
    const checked = checkDraft(draft, sellerId, picker.uploadIds);
    const photosPending = picker.busy || picker.failed;
    setErrors(checked.ok ? {} : checked.errors);
    setPhotoError(photosPending);
    if (!checked.ok || photosPending) return;
    setSending(true);
    setFailure(null);
    try {
      onCreated(await createListing(checked.body));
    } catch (error) {
      const code = isApiError(error) ? String(error.code) : 'NETWORK_ERROR';
      setFailure({ message: t('sell.createFailed', { reason: errorText(code) }), requestId: isApiError(error) ? error.requestId : undefined });
      setSending(false);
    }
  };

  return (
    <Panel id="listing-form" title={t('sell.createTitle')} intro={sellerName ? t('sell.createFor', { name: sellerName }) : undefined}>
      <TextField
        id="listing-title"
        label={t('sell.title')}
        value={draft.title}
        placeholder={t('sell.titlePlaceholder')}
        maxLength={60}
        error={shown('title')}
        onChange={(v) => set('title', v)}
      />
      <ChipGroup id="listing-categories" label={t('sell.category')}>
        {categories.map((c) => (
          <Chip
            key={c.id}
            id={`listing-category-${c.id}`}
            label={c.name}
            selected={draft.category === c.id}
            onClick={() => set('category', c.id as ListingDraft['category'])}
          />
        ))}
      </ChipGroup>
      {errors.category ? <Notice id="listing-category-error" kind="error" text={t('sell.error.category')} /> : null}
      <ChipGroup id="listing-units" label={t('sell.unit')}>
        {LISTING_UNITS.map((u) => (
          <Chip key={u} id={`listing-unit-${u}`} label={LISTING_UNIT_NAMES[u]} selected={draft.unit === u} compact onClick={() => set('unit', u)} />
        ))}
      </ChipGroup>
      <TextField
        id="listing-price"
        label={t('sell.price', { unit: unitName })}
        value={draft.priceText}
        placeholder={t('sell.pricePlaceholder')}
        kind="decimal"
        error={shown('price')}
        onChange={(v) => set('priceText', v)}
      />
      <TextField
        id="listing-stock"
        label={t('sell.stock', { unit: unitName })}
        value={draft.stockText}
        kind="digits"
        maxLength={7}
        error={shown('stock')}
        onChange={(v) => set('stockText', v)}
      />
      <View className="listing-form__block">
        <Text className="listing-form__label">{t('sell.harvestDate')}</Text>
        <Picker mode="date" value={draft.harvestDate || chinaDate()} end={chinaDate()} onChange={(e) => set('harvestDate', String(e.detail.value))}>
          <View id="listing-harvest-date" className="text-field__input text-field__picker">
            <Text>{draft.harvestDate || t('sell.harvestNone')}</Text>
          </View>
        </Picker>
      </View>
      <View className="listing-form__block">
        <Text className="listing-form__label">{t('sell.description')}</Text>
        {/* The box does not cut at a length: WeChat counts UTF-16 units, so Tibetan (several per character)
            would be cut short of the limit; the count and the check use characters as a reader sees them. */}
        <Textarea
          id="listing-description"
          className="listing-form__textarea"
          value={draft.description}
          placeholder={t('sell.descriptionPlaceholder')}
          maxlength={-1}
          onInput={(e) => set('description', e.detail.value)}
        />
        <Text id="listing-description-count" className="listing-form__hint">
          {t('field.count', { count: textLength(draft.description), max: MAX_DESCRIPTION })}
        </Text>
        {errors.description ? (
          <Notice id="listing-description-error" kind="error" text={t('sell.error.description', { max: MAX_DESCRIPTION })} />
        ) : null}
      </View>
      <ChipGroup id="listing-delivery" label={t('sell.delivery')}>
        <Chip id="listing-pickup" label={t('sell.pickup')} selected={draft.pickup} onClick={() => set('pickup', !draft.pickup)} />
        <Chip id="listing-shipping" label={t('sell.shipping')} selected={draft.shipping} onClick={() => set('shipping', !draft.shipping)} />
      </ChipGroup>
      {errors.delivery ? <Notice id="listing-delivery-error" kind="error" text={t('sell.error.delivery')} /> : null}
      {draft.shipping ? (
        <TextField
          id="listing-fee"
          label={t('sell.shippingFee')}
          value={draft.feeText}
          kind="decimal"
          error={shown('fee')}
          onChange={(v) => set('feeText', v)}
        />
      ) : null}
      <View className="listing-form__block">
        <Text className="listing-form__label">{t('sell.photos')}</Text>
        <ImagePicker picker={picker} id="listing-photos" />
      </View>
      {photoError ? <Notice id="listing-photos-error" kind="error" text={t('sell.error.photos')} /> : null}
      {Object.keys(errors).length > 0 ? <Notice id="listing-form-invalid" kind="error" text={t('sell.fixFields')} /> : null}
      {failure ? <Notice id="listing-form-error" kind="error" text={failure.message} note={requestNote(failure.requestId)} /> : null}
      <ActionButton id="listing-create" loading={sending} disabled={sending} onClick={() => void submit()}>
        {sending ? t('sell.creating') : t('sell.create')}
      </ActionButton>
    </Panel>
  );
}
