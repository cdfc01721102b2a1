import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { Text, View } from '@tarojs/components';
import { ADMIN_ROLES } from '@shared/roles';
import type { MeResponse } from '@shared/schemas/accounts';
import { AccountCodePanel } from '../../../../components/account-code';
import { ActionButton } from '../../../../components/action-button';
import { InfoList } from '../../../../components/info-list';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { canHaveHomeStation } from '../../../../hooks/use-home-station';
import { useMe } from '../../../../hooks/use-me';
import { useSignIn } from '../../../../hooks/use-sign-in';
import { t } from '../../../../i18n/me';
import { signOut } from '../../../../services/api-account';
import { requestNote } from '../../../../services/errors';
import { openPage, returnAfterSignIn } from '../../../../services/routes';
import { hasRole } from '../../../../services/session';
import { devLoginEnabled } from '../../../../services/wechat-login';
import { LanguagePanel } from '../../components/language-panel';
import { LowDataPanel } from '../../components/low-data-panel';
import { SellerPanel } from '../../components/seller-panel';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

function Hero({ title, subtitle, badge }: { title: string; subtitle?: string; badge?: string }) {
  return (
    <PageHero
      title={{ id: 'me-name', text: title }}
      badges={badge ? [{ id: 'me-role', text: badge }] : []}
      lines={subtitle ? [{ text: subtitle }] : []}
      overlap
    />
  );
}

/**
 * Signed out: WeChat sign-in in the mini-program; on H5 the dev field when the build has it. Opened
 * from another page's "去登录" (`returnTo=`), a sign-in goes back there.
 */
function SignIn() {
  const { params } = useRouter();
  const returnTo = params.returnTo ? decodeURIComponent(params.returnTo) : undefined;
  const onSignedIn = useCallback(() => void returnAfterSignIn(returnTo), [returnTo]);
  const { state, signInWithWeChat, devOpenid, devError, setDevOpenid, signInAsDev } = useSignIn(undefined, onSignedIn);
  const pending = state.status === 'pending';
  const isWeapp = process.env.TARO_ENV !== 'h5';
  return (
    <View id="me-signed-out" style={pageStyle} className="page me">
      <Hero title={t('me.title')} subtitle={t('me.signedOutIntro')} />
      <Panel overlap>
        {isWeapp ? (
          <ActionButton id="me-wechat-login-button" loading={pending} onClick={() => void signInWithWeChat()}>
            {pending ? t('me.signingIn') : t('me.wechatLogin')}
          </ActionButton>
        ) : (
          <Text className="me__note">{t('me.h5NoLogin')}</Text>
        )}
        {state.status === 'failed' ? <Notice id="me-login-error" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
      </Panel>
      {devLoginEnabled() ? (
        <Panel id="me-dev-login" title={t('me.devTitle')} intro={t('me.devHint')}>
          <TextField
            id="me-dev-openid"
            label={t('me.devLabel')}
            value={devOpenid}
            placeholder={t('me.devPlaceholder')}
            error={devError}
            maxLength={64}
            onChange={setDevOpenid}
            onConfirm={() => void signInAsDev()}
          />
          <ActionButton id="me-dev-login-button" kind={isWeapp ? 'secondary' : 'primary'} loading={pending} onClick={() => void signInAsDev()}>
            {t('me.devLogin')}
          </ActionButton>
        </Panel>
      ) : null}
      <LanguagePanel />
      <LowDataPanel />
    </View>
  );
}

function copy(text: string) {
  // Both platforms confirm with their own toast ("内容已复制").
  void Taro.setClipboardData({ data: text });
}

/** A villager's station: open it, change it, or find one when there is none yet. */
function HomeStationPanel({ me }: { me: MeResponse }) {
  const { homeStation } = me;
  if (!homeStation) {
    return (
      <Panel id="me-home-station" title={t('me.homeTitle')} intro={t('me.homeIntro')}>
        <ActionButton id="me-home-station-find" kind="secondary" onClick={() => openPage('search')}>
          {t('me.homeFind')}
        </ActionButton>
      </Panel>
    );
  }
  return (
    <Panel id="me-home-station" title={t('me.homeTitle')}>
      <InfoList
        items={[
          { id: 'me-home-station-name', label: t('me.villageLabel'), value: homeStation.villageName },
          { id: 'me-home-station-region', label: t('me.stationRegion'), value: homeStation.regionNames.slice(1).join(' ') },
        ]}
      />
      <View className="me__actions">
        <ActionButton id="me-home-station-open" size="small" onClick={() => openPage('station', { scene: homeStation.code })}>
          {t('me.homeOpen')}
        </ActionButton>
        <ActionButton id="me-home-station-change" kind="secondary" size="small" onClick={() => openPage('search')}>
          {t('me.homeChange')}
        </ActionButton>
      </View>
    </Panel>
  );
}

function Profile({ me }: { me: MeResponse }) {
  const { user, station, region } = me;
  const roleName = t(`roleName.${user.role}`);
  return (
    <View id="me-signed-in" style={pageStyle} className="page me">
      <Hero title={user.name ?? t('me.unnamed')} badge={roleName} />

      <Panel overlap>
        <Text className="me__label">{t('me.userIdLabel')}</Text>
        <View className="me__id-row">
          <Text id="me-user-id" className="me__id" userSelect selectable>
            {user.id}
          </Text>
          <ActionButton id="me-copy-id-button" kind="secondary" size="small" onClick={() => copy(user.id)}>
            {t('me.copy')}
          </ActionButton>
        </View>
        {user.role === 'villager' || user.role === 'buyer' ? <Text className="me__hint">{t('me.userIdHint')}</Text> : null}
      </Panel>

      {user.role === 'villager' || user.role === 'buyer' || user.role === 'officer' ? <AccountCodePanel /> : null}

      {canHaveHomeStation(user.role) || me.homeStation ? <HomeStationPanel me={me} /> : null}

      {/* Anyone signed in may buy produce: their orders, whatever the role. */}
      <Panel id="me-orders" title={t('me.ordersTitle')}>
        <ActionButton id="me-orders-open" kind="secondary" onClick={() => openPage('orders')}>
          {t('me.ordersOpen')}
        </ActionButton>
      </Panel>

      {/* A household's villager or a cooperative's contact sees what they sell; anyone may enter a cooperative's code. */}
      <SellerPanel userId={user.id} />

      {canHaveHomeStation(user.role) ? (
        <Panel id="me-household" title={t('me.householdTitle')} intro={t('me.householdEntryIntro')}>
          <ActionButton id="me-household-open" kind="secondary" onClick={() => openPage('myHousehold')}>
            {t('me.householdOpen')}
          </ActionButton>
          <ActionButton id="me-services-open" kind="secondary" onClick={() => openPage('myServices')}>
            {t('me.servicesOpen')}
          </ActionButton>
        </Panel>
      ) : null}

      {station ? (
        <Panel id="me-station" title={t('me.stationTitle')}>
          <InfoList
            items={[
              { id: 'me-station-name', label: t('me.villageLabel'), value: station.villageName },
              { id: 'me-station-region', label: t('me.stationRegion'), value: station.regionNames.join(' ') },
              { id: 'me-station-code', label: t('me.stationCode'), value: station.code },
            ]}
          />
        </Panel>
      ) : null}

      {region ? (
        <Panel id="me-region" title={t('me.regionTitle')}>
          <InfoList
            items={[
              { id: 'me-region-name', label: t('me.regionName'), value: region.name },
              { id: 'me-region-code', label: t('me.regionCode'), value: region.code },
            ]}
          />
        </Panel>
      ) : null}

      {user.role === 'officer' || user.role === 'expert' || hasRole(user, ADMIN_ROLES) ? (
        <Panel title={t('me.workTitle')}>
          {user.role === 'officer' ? (
            <ActionButton id="me-officer-entry" onClick={() => openPage('officer')}>
              {t('me.officerEntry')}
            </ActionButton>
          ) : user.role === 'expert' ? (
            <View className="me__actions">
              <ActionButton id="me-publish-entry" onClick={() => openPage('publish')}>
                {t('me.publishEntry')}
              </ActionButton>
              <ActionButton id="me-inbox-entry" kind="secondary" onClick={() => openPage('questionInbox')}>
                {t('me.inboxEntry')}
              </ActionButton>
            </View>
          ) : (
            <View className="me__actions">
              <ActionButton id="me-admin-entry" onClick={() => openPage('admin')}>
                {t('me.adminEntry')}
              </ActionButton>
              <ActionButton id="me-review-entry" kind="secondary" onClick={() => openPage('publishReview')}>
                {t('me.reviewEntry')}
              </ActionButton>
            </View>
          )}
        </Panel>
      ) : null}

      <LanguagePanel />

      <LowDataPanel />
      <View className="me__footer">
        <ActionButton id="me-sign-out-button" kind="secondary" onClick={signOut}>
          {t('me.signOut')}
        </ActionButton>
      </View>
    </View>
  );
}

/**
 * "Me": sign in, then who the server says you are (asked again each time the page shows), your id
 * to give an admin, your station or region, and the way into your workspace.
 */
export default function MePage() {
  useNavTitle(t('me.navTitle'));
  const { state, reload } = useMe();
  if (state.status === 'signed-out') return <SignIn />;
  if (state.status === 'loading') return <StateView id="me-loading" kind="loading" title={t('me.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="me-error"
        title={t('me.errorTitle')}
        error={state.error}
        actions={[
          { id: 'me-retry-button', label: t('state.retry'), onClick: reload },
          { id: 'me-error-sign-out-button', label: t('me.signOut'), kind: 'secondary', onClick: signOut },
        ]}
      />
    );
  }
  return <Profile me={state.me} />;
}
