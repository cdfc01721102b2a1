import { useEffect } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { Panel } from '../../../components/panel';
import { getLocale, LOCALES, t } from '../../../i18n/me';
import { chooseLocale, keepTibetanCatalogue } from '../../../services/locale-choice';
import { pageUrl } from '../../../services/routes';

/**
 * 中文 / བོད་ཡིག: each language named in its own script. A choice relaunches on 我的, so every page
 * renders again in it. While Tibetan is on, opening 我的 keeps this build's Tibetan main catalogue stored
 * for the main package's next start (an app update may have changed it).
 */
export function LanguagePanel() {
  const current = getLocale();
  useEffect(() => {
    if (current === 'bo') keepTibetanCatalogue();
  }, [current]);
  return (
    <Panel id="me-language" title={t('me.languageTitle')}>
      <View className="me__actions">
        {LOCALES.map((locale) => (
          <ActionButton
            key={locale}
            id={`me-language-${locale}`}
            kind={locale === current ? 'primary' : 'secondary'}
            size="small"
            onClick={() => chooseLocale(locale, pageUrl('me'))}
          >
            {t(`me.language.${locale}`)}
          </ActionButton>
        ))}
      </View>
    </Panel>
  );
}
