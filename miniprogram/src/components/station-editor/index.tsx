import { Text, View } from '@tarojs/components';
import { STATION_TYPES, type StationProfile } from '@shared/schemas/stations';
import { useStationEditor } from '../../hooks/use-station-editor';
import { t } from '../../i18n/staff';
import { requestNote } from '../../services/errors';
import { pickLocation } from '../../services/location';
import { formatCoordinates } from '../../services/coordinates';
import { dayShortName, WEEK_DAYS } from '../../services/opening-hours';
import { MAX_WINDOWS, type EditorRole, type HoursDraft } from '../../services/station-edit';
import { CAPABILITY_ORDER } from '../../services/station-details-view';
import { ActionButton } from '../action-button';
import { Chip, ChipGroup } from '../chip';
import { Notice } from '../notice';
import { Panel } from '../panel';
import { TextField } from '../text-field';
import './index.scss';

export interface StationEditorProps {
  station: StationProfile;
  role: EditorRole;
  onSaved: (station: StationProfile) => void;
  /** After a 409: load the station again (the form then starts from the newer profile). */
  onReload: () => void;
}

type Editor = ReturnType<typeof useStationEditor>;

function HoursWindow({ index, window, editor }: { index: number; window: HoursDraft; editor: Editor }) {
  const { errors } = editor;
  const prefix = `edit-hours-${index}`;
  return (
    <View id={prefix} className="station-editor__window">
      <View className="station-editor__window-head">
        <Text className="station-editor__window-title">{t('edit.hoursWindow', { n: index + 1 })}</Text>
        <ActionButton id={`${prefix}-remove`} kind="secondary" size="small" onClick={() => editor.removeWindow(index)}>
          {t('edit.hoursRemove')}
        </ActionButton>
      </View>
      <ChipGroup label={t('edit.hoursDays')} compact>
        {WEEK_DAYS.map((day) => (
          <Chip
            key={day}
            id={`${prefix}-day-${day}`}
            label={dayShortName(day)}
            selected={window.days.includes(day)}
            compact
            onClick={() => editor.toggleDay(index, day)}
          />
        ))}
      </ChipGroup>
      {errors[`hours.${index}.days`] ? <Text className="station-editor__error">{errors[`hours.${index}.days`]}</Text> : null}
      <View className="station-editor__times">
        <TextField
          id={`${prefix}-open`}
          kind="time"
          label={t('edit.hoursOpen')}
          value={window.open}
          placeholder={t('edit.timePlaceholder')}
          error={errors[`hours.${index}.open`]}
          maxLength={5}
          onChange={(value) => editor.setOpen(index, value)}
        />
        <TextField
          id={`${prefix}-close`}
          kind="time"
          label={t('edit.hoursClose')}
          value={window.close}
          placeholder={t('edit.timePlaceholder')}
          error={errors[`hours.${index}.close`]}
          maxLength={5}
          onChange={(value) => editor.setClose(index, value)}
        />
      </View>
    </View>
  );
}

function LocationFields({ station, editor }: { station: StationProfile; editor: Editor }) {
  const { draft, errors } = editor;
  const lat = Number(draft.lat);
  const lng = Number(draft.lng);
  const hasPoint = draft.lat.trim() !== '' && draft.lng.trim() !== '' && Number.isFinite(lat) && Number.isFinite(lng);
  if (process.env.TARO_ENV === 'weapp') {
    const pick = async () => {
      const point = await pickLocation(hasPoint ? { lat, lng } : station.location);
      if (point) editor.setLocation(point);
    };
    return (
      <>
        <Text id="edit-location-value" className="station-editor__value">
          {hasPoint ? formatCoordinates({ lat, lng }) : t('edit.locationNone')}
        </Text>
        <View className="station-editor__row">
          <ActionButton id="edit-location-pick" size="small" onClick={() => void pick()}>
            {t('edit.locationPick')}
          </ActionButton>
          {hasPoint ? (
            <ActionButton id="edit-location-clear" kind="secondary" size="small" onClick={() => editor.setLocation(null)}>
              {t('edit.locationClear')}
            </ActionButton>
          ) : null}
        </View>
      </>
    );
  }
  return (
    <>
      <View className="station-editor__times">
        <TextField
          id="edit-lat"
          kind="decimal"
          label={t('edit.lat')}
          value={draft.lat}
          placeholder={t('edit.latPlaceholder')}
          error={errors.lat}
          maxLength={16}
          onChange={editor.setLat}
        />
        <TextField
          id="edit-lng"
          kind="decimal"
          label={t('edit.lng')}
          value={draft.lng}
          placeholder={t('edit.lngPlaceholder')}
          error={errors.lng}
          maxLength={16}
          onChange={editor.setLng}
        />
      </View>
      <Text className="station-editor__hint">{t('edit.locationH5Hint')}</Text>
    </>
  );
}

function PhoneFields({ station, editor }: { station: StationProfile; editor: Editor }) {
  const { draft, errors } = editor;
  return (
    <>
      <Text id="edit-phone-current" className="station-editor__hint">
        {station.phoneMasked ? t('edit.phoneCurrent', { phone: station.phoneMasked }) : t('edit.phoneNone')}
      </Text>
      {draft.clearPhone ? (
        <Text id="edit-phone-will-clear" className="station-editor__value">
          {t('edit.phoneWillClear')}
        </Text>
      ) : (
        <TextField
          id="edit-phone"
          kind="phone"
          label={t('edit.phoneLabel')}
          value={draft.phone}
          placeholder={t('edit.phonePlaceholder')}
          error={errors.phone}
          maxLength={14}
          onChange={editor.setPhone}
        />
      )}
      {station.phoneMasked ? (
        <View className="station-editor__row">
          <ActionButton id="edit-phone-clear" kind="secondary" size="small" onClick={() => editor.setClearPhone(!draft.clearPhone)}>
            {draft.clearPhone ? t('edit.phoneKeep') : t('edit.phoneClear')}
          </ActionButton>
        </View>
      ) : null}
    </>
  );
}

/**
 * The station form of officers (hours, location, phone) and admins (also type and capabilities).
 * Saving sends only what changed; the server decides again what the caller may change.
 */
export function StationEditor({ station, role, onSaved, onReload }: StationEditorProps) {
  const editor = useStationEditor(station, role, onSaved);
  const { draft, state } = editor;
  return (
    <View id="station-editor" className="station-editor">
      {role === 'admin' ? (
        <>
          <Panel id="edit-type" title={t('edit.typeTitle')}>
            <ChipGroup>
              {STATION_TYPES.map((type) => (
                <Chip
                  key={type}
                  id={`edit-type-${type}`}
                  label={t(`station.type.${type}`)}
                  selected={draft.type === type}
                  onClick={() => editor.setType(type)}
                />
              ))}
            </ChipGroup>
          </Panel>
          <Panel id="edit-capabilities" title={t('edit.capabilitiesTitle')} intro={t('edit.capabilitiesIntro')}>
            <ChipGroup>
              {CAPABILITY_ORDER.map((key) => (
                <Chip
                  key={key}
                  id={`edit-capability-${key}`}
                  label={t(`capability.${key}`)}
                  selected={draft.capabilities[key]}
                  onClick={() => editor.toggleCapability(key)}
                />
              ))}
            </ChipGroup>
          </Panel>
        </>
      ) : null}

      <Panel id="edit-hours" title={t('edit.hoursTitle')} intro={t('edit.hoursIntro')}>
        {draft.hours.length === 0 ? <Text className="station-editor__hint">{t('edit.hoursNone')}</Text> : null}
        {draft.hours.map((window, index) => (
          <HoursWindow key={index} index={index} window={window} editor={editor} />
        ))}
        {draft.hours.length < MAX_WINDOWS ? (
          <ActionButton id="edit-hours-add" kind="secondary" onClick={editor.addWindow}>
            {t('edit.hoursAdd')}
          </ActionButton>
        ) : null}
      </Panel>

      <Panel id="edit-location" title={t('edit.locationTitle')} intro={t('edit.locationIntro')}>
        <LocationFields station={station} editor={editor} />
      </Panel>

      <Panel id="edit-phone-panel" title={t('edit.phoneTitle')}>
        <PhoneFields station={station} editor={editor} />
      </Panel>

      <View className="station-editor__save">
        {state.status === 'saved' ? <Notice id="edit-saved" kind="success" text={state.message} /> : null}
        {state.status === 'failed' ? <Notice id="edit-error" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
        {state.status === 'failed' && state.conflict ? (
          <ActionButton id="edit-reload-button" kind="secondary" onClick={onReload}>
            {t('edit.reload')}
          </ActionButton>
        ) : null}
        <ActionButton id="edit-save-button" loading={state.status === 'saving'} onClick={() => void editor.submit()}>
          {state.status === 'saving' ? t('edit.saving') : t('edit.save')}
        </ActionButton>
      </View>
    </View>
  );
}
