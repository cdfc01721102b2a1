import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import { ActionButton } from '../../components/action-button';
import { ListCard, ListRow } from '../../components/list-row';
import { Notice } from '../../components/notice';
import { PageHero } from '../../components/page-hero';
import { Panel } from '../../components/panel';
import { Section } from '../../components/section';
import { useSession } from '../../hooks/use-session';
import { t } from '../../i18n';
import { openMainPage, type MainPageName } from '../../services/main-routes';
import { scanStationCode } from '../../services/scan';
import { hasRole } from '../../services/session';
import { CodeEntry } from './code-entry';
import { useNavTitle } from '../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../services/page-style';

const openStation = (code: string) => openMainPage('station', { scene: code });

/** WeChat: scan the station's QR code. */
function ScanEntry() {
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const scan = async () => {
    setNotice(undefined);
    const outcome = await scanStationCode();
    if (outcome.kind === 'code') openStation(outcome.code);
    else if (outcome.kind === 'unrecognised') setNotice(t('home.scanInvalid'));
  };
  return (
    <>
      <Text className="home__intro">{t('home.intro')}</Text>
      <ActionButton id="home-scan-button" onClick={() => void scan()}>
        {t('home.scan')}
      </ActionButton>
      {notice ? <Notice id="home-scan-error" kind="error" text={notice} /> : null}
    </>
  );
}

const FIND_ENTRIES = [
  { page: 'nearest', id: 'home-nearest-link', title: 'home.find.nearest', desc: 'home.find.nearestDesc' },
  { page: 'browse', id: 'home-browse-link', title: 'home.find.browse', desc: 'home.find.browseDesc' },
  { page: 'search', id: 'home-search-link', title: 'home.find.search', desc: 'home.find.searchDesc' },
] as const satisfies ReadonlyArray<{ page: MainPageName; id: string; title: string; desc: string }>;

/** Without the QR code at hand: nearest, browse by region, search by name (the find subpackage). */
function FindEntries() {
  return (
    <Section id="home-find" title={t('home.findIntro')}>
      <ListCard>
        {FIND_ENTRIES.map((entry) => (
          <ListRow key={entry.page} id={entry.id} title={t(entry.title)} subtitle={t(entry.desc)} onClick={() => openMainPage(entry.page)} />
        ))}
      </ListCard>
    </Section>
  );
}

/**
 * The way to "me" (sign-in) and, for staff, straight to their workspace. The role here is the
 * stored hint from the last sign-in or GET /me: the workspace pages ask the server again.
 */
function AccountLinks() {
  const user = useSession()?.user;
  return (
    <View className="home__account">
      <Text className="home__account-title">{t('home.accountTitle')}</Text>
      <View className="home__account-links">
        <Text id="home-me-link" className="home__account-link" onClick={() => openMainPage('me')}>
          {user ? t('home.meEntrySignedIn', { role: t(`roleName.${user.role}`) }) : t('home.meEntry')}
        </Text>
        {user?.role === 'officer' ? (
          <Text id="home-officer-link" className="home__account-link" onClick={() => openMainPage('officer')}>
            {t('home.officerEntry')}
          </Text>
        ) : null}
        {hasRole(user, ADMIN_ROLES) ? (
          <Text id="home-admin-link" className="home__account-link" onClick={() => openMainPage('admin')}>
            {t('home.adminEntry')}
          </Text>
        ) : null}
      </View>
    </View>
  );
}

export default function HomePage() {
  useNavTitle(t('app.name'));
  const isH5 = process.env.TARO_ENV === 'h5';
  return (
    <View id="home-page" style={pageStyle} className="page home">
      <PageHero title={{ text: t('home.title') }} size="display" lines={[{ text: t('app.tagline') }]} overlap />
      <Panel overlap>{isH5 ? <CodeEntry /> : <ScanEntry />}</Panel>
      <FindEntries />
      <AccountLinks />
    </View>
  );
}
