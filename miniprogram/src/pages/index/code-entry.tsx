import { Text } from '@tarojs/components';
import { ActionButton } from '../../components/action-button';
import { TextField } from '../../components/text-field';
import { useCodeEntry } from '../../hooks/use-code-entry';
import { t } from '../../i18n/code-entry';
import { openMainPage } from '../../services/main-routes';

/** A typed code that finds nothing is a typing mistake, not a stale QR code: the station page words it so. */
const openTypedStation = (code: string) => openMainPage('station', { scene: code, entry: 'typed' });

/** Room for a 32-character code with the spaces or dashes people type between groups of digits. */
const CODE_FIELD_MAX_LENGTH = 48;

/** H5 (no scanner): type the code printed under the QR code. */
export function CodeEntry() {
  const { value, error, setValue, submit } = useCodeEntry();
  const open = () => {
    const code = submit();
    if (code) openTypedStation(code);
  };
  return (
    <>
      <Text className="home__intro">{t('home.introH5')}</Text>
      <TextField
        id="home-code-input"
        label={t('home.codeLabel')}
        value={value}
        placeholder={t('home.codePlaceholder')}
        hint={t('home.codeHint')}
        error={error}
        kind="digits"
        maxLength={CODE_FIELD_MAX_LENGTH}
        onChange={setValue}
        onConfirm={open}
      />
      <ActionButton id="home-open-button" onClick={open}>
        {t('home.open')}
      </ActionButton>
    </>
  );
}
