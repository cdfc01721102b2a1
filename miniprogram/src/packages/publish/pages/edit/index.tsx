import { useEffect } from 'react';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { AREA_TYPES } from '@shared/schemas/regions';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { ImagePicker } from '../../../../components/image-picker';
import { Notice } from '../../../../components/notice';
import { RoleGate } from '../../../../components/role-gate';
import { StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useFeedEditor, type FeedForm } from '../../../../hooks/use-feed-editor';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/publish';
import { getFeedCategories } from '../../../../services/api-compose';
import { MAX_FEED_IMAGES } from '../../../../services/upload';
import { RegionTarget } from './region-target';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

const AUTHORS = ['expert', 'county_admin', 'prefecture_admin', 'province_admin'] as const;

function TextBlock(props: { id: string; label: string; value: string; placeholder?: string; error?: string; onChange: (value: string) => void }) {
  return (
    <View className={`compose__block${props.error ? ' compose__block--invalid' : ''}`}>
      <Text className="compose__label">{props.label}</Text>
      <Textarea
        id={props.id}
        className="compose__textarea"
        value={props.value}
        placeholder={props.placeholder}
        maxlength={-1}
        autoHeight
        onInput={(e) => props.onChange(e.detail.value)}
      />
      {props.error ? <Text className="compose__error">{props.error}</Text> : null}
    </View>
  );
}

/**
 * A yes/no as a chip rather than a <Switch>: Taro puts the template of every component any page uses
 * into the main package's base.wxml, and the main package is over its budget already.
 */
function Toggle({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return <Chip id={id} label={label} selected={checked} onClick={() => onChange(!checked)} />;
}

/** Asks before leaving with unsaved text: WeChat's own back-button dialog, the browser's on H5. */
function useLeaveGuard(dirty: boolean) {
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') {
      if (dirty) void Taro.enableAlertBeforeUnload({ message: t('compose.leaveText') });
      else void Taro.disableAlertBeforeUnload();
      return undefined;
    }
    if (!dirty || typeof window === 'undefined') return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
}

function Editor({ me, id }: { me: MeResponse; id?: string }) {
  const authorRegion = me.user.regionCode ?? '63';
  const editor = useFeedEditor(id, authorRegion);
  const categories = useResource('feed-categories', getFeedCategories);
  const { form, set, errors, state, picker } = editor;
  useLeaveGuard(editor.dirty);

  const leave = async () => {
    if (editor.dirty) {
      const { confirm } = await Taro.showModal({ title: t('compose.leaveTitle'), content: t('compose.leaveText') });
      if (!confirm) return;
    }
    void Taro.navigateBack();
  };

  if (state.status === 'loading') return <StateView id="compose-loading" kind="loading" title={t('compose.loading')} />;
  if (state.status === 'load-failed')
    return <StateView id="compose-load-failed" kind="error" title={t('compose.loadFailed')} description={state.message} />;
  if (state.status === 'not-editable') return <StateView id="compose-not-editable" kind="empty" title={t('compose.notEditable')} />;
  const busy = state.saving !== null;
  const toggleArea = (type: FeedForm['areaTypes'][number]) =>
    set('areaTypes', form.areaTypes.includes(type) ? form.areaTypes.filter((a) => a !== type) : [...form.areaTypes, type]);

  return (
    <View className="compose">
      <TextField
        id="compose-title"
        label={t('compose.title')}
        value={form.title}
        placeholder={t('compose.titlePlaceholder')}
        maxLength={80}
        error={errors.title}
        onChange={(v) => set('title', v)}
      />
      <TextBlock
        id="compose-body"
        label={t('compose.body')}
        value={form.body}
        placeholder={t('compose.bodyPlaceholder')}
        error={errors.body}
        onChange={(v) => set('body', v)}
      />
      {categories.state.status === 'ready' ? (
        <ChipGroup id="compose-categories" label={t('compose.category')}>
          {categories.state.value.items.map((c) => (
            <Chip
              key={c.key}
              id={`compose-category-${c.key}`}
              label={c.name}
              selected={form.category === c.key}
              onClick={() => set('category', c.key)}
            />
          ))}
        </ChipGroup>
      ) : null}
      <RegionTarget code={form.regionCode} authorRegion={authorRegion} onChange={(code) => set('regionCode', code)} />
      <ChipGroup id="compose-area-types" label={t('compose.areaTypes')}>
        {AREA_TYPES.map((type) => (
          <Chip
            key={type}
            id={`compose-area-${type}`}
            label={t(`station.areaType.${type}`)}
            selected={form.areaTypes.includes(type)}
            onClick={() => toggleArea(type)}
          />
        ))}
      </ChipGroup>
      <ChipGroup id="compose-flags">
        <Toggle id="compose-urgent" label={t('compose.urgent')} checked={form.urgent} onChange={(v) => set('urgent', v)} />
        <Toggle id="compose-requires-ack" label={t('compose.requiresAck')} checked={form.requiresAck} onChange={(v) => set('requiresAck', v)} />
      </ChipGroup>
      <TextField
        id="compose-expiry"
        label={t('compose.expiry')}
        value={form.expiry}
        placeholder="2026-12-31"
        hint={t('compose.expiryHint')}
        error={errors.expiry}
        onChange={(v) => set('expiry', v.trim())}
      />
      <View className="compose__section">
        <Text className="compose__label">{t('compose.images', { max: MAX_FEED_IMAGES })}</Text>
        <ImagePicker picker={picker} id="compose-images" />
      </View>
      <View className="compose__section">
        <Text className="compose__label">{t('compose.tibetan')}</Text>
        <TextField
          id="compose-bo-title"
          label={t('compose.tibetanTitle')}
          value={form.boTitle}
          maxLength={80}
          error={errors.boTitle}
          onChange={(v) => set('boTitle', v)}
        />
        <TextBlock
          id="compose-bo-body"
          label={t('compose.tibetanBody')}
          value={form.boBody}
          error={errors.boBody}
          onChange={(v) => set('boBody', v)}
        />
      </View>
      {state.notice ? <Notice id={`compose-${state.notice.kind}`} kind={state.notice.kind} text={state.notice.text} /> : null}
      {state.submitted ? (
        <ActionButton id="compose-done" onClick={() => void Taro.navigateBack()}>
          {t('compose.back')}
        </ActionButton>
      ) : (
        <View className="compose__actions">
          <ActionButton id="compose-save" kind="secondary" loading={state.saving === 'draft'} disabled={busy} onClick={() => void editor.saveDraft()}>
            {t('compose.saveDraft')}
          </ActionButton>
          <ActionButton id="compose-submit" loading={state.saving === 'submit'} disabled={busy} onClick={() => void editor.submit()}>
            {t('compose.submit')}
          </ActionButton>
          <Text id="compose-leave" className="compose__link" onClick={() => void leave()}>
            {t('compose.back')}
          </Text>
        </View>
      )}
    </View>
  );
}

/** The expert's (or admin's) write/edit page: `?id=` edits a draft or a rejected item, without it a new draft. */
export default function ComposePage() {
  const { params } = useRouter();
  useNavTitle(params.id ? t('compose.navEdit') : t('compose.navNew'));
  return (
    <View style={pageStyle} className="page compose-page">
      <RoleGate roles={AUTHORS} title="role.author.title" signInPrompt="role.author.signIn" deniedText="role.author.denied">
        {(me) => <Editor me={me} id={params.id || undefined} />}
      </RoleGate>
    </View>
  );
}
