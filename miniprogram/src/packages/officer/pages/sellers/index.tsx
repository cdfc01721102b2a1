import { useState } from 'react';
import { View } from '@tarojs/components';
import type { MeResponse } from '@shared/schemas/accounts';
import { ActionButton } from '../../../../components/action-button';
import { ListCard, ListRow } from '../../../../components/list-row';
import { LoadMore } from '../../../../components/load-more';
import { Notice } from '../../../../components/notice';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { RoleGate } from '../../../../components/role-gate';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/staff';
import { getStationListings, getStationSellers, type Listing, type Seller } from '../../../../services/api-sell';
import { openPage } from '../../../../services/routes';
import { listingRowText } from '../station-listings/listing-text';
import { RegisterSeller } from './register-seller';
import { SellerLinkCode } from './seller-link-code';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../payments.scss';
import { pageStyle } from '../../../../services/page-style';

/** One seller: who, and the listings the officer keeps for them, each opening its edit page. */
function SellerCard({ seller, listings }: { seller: Seller; listings: Listing[] }) {
  return (
    <Section id={`seller-${seller.id}`} title={`${seller.displayName} · ${t(`sell.kind.${seller.kind}`)}`}>
      <ListCard id={`seller-${seller.id}-listings`}>
        {listings.map((listing) => (
          <ListRow
            key={listing.id}
            id={`seller-listing-${listing.id}`}
            title={listing.title}
            subtitle={listingRowText(listing)}
            onClick={() => openPage('listingEdit', { id: listing.id })}
          />
        ))}
        {listings.length === 0 ? <ListRow id={`seller-${seller.id}-empty`} title={t('sell.noListings')} disabled /> : null}
      </ListCard>
      <ActionButton
        id={`seller-${seller.id}-new`}
        kind="secondary"
        onClick={() => openPage('listingEdit', { seller: seller.id, name: seller.displayName })}
      >
        {t('sell.newListing')}
      </ActionButton>
      {/* A cooperative's contact links their WeChat with a code; a household's villager is linked through the household. */}
      {seller.kind === 'cooperative' ? <SellerLinkCode sellerId={seller.id} /> : null}
    </Section>
  );
}

function Sellers({ stationId, villageName }: { stationId: string; villageName: string }) {
  const sellers = usePagedList(stationId, (id, cursor) => getStationSellers(id, cursor));
  const listings = usePagedList(stationId, (id, cursor) => getStationListings(id, cursor));
  const [registering, setRegistering] = useState(false);
  const [created, setCreated] = useState<Seller | null>(null);
  // Back from a listing's page: its price, stock or status may have changed.
  useReloadOnShow(() => {
    sellers.refresh();
    listings.refresh();
  });
  const listingsOf = (sellerId: string) => (listings.state.status === 'ready' ? listings.state.items.filter((l) => l.seller.id === sellerId) : []);

  return (
    <View id="sellers">
      <PageHero
        eyebrow={{ text: t('officer.stationLine', { village: villageName }) }}
        title={{ text: t('sell.sellersTitle') }}
        lines={[{ text: t('sell.sellersIntro') }]}
        overlap
      />
      {registering ? (
        <RegisterSeller
          stationId={stationId}
          onCancel={() => setRegistering(false)}
          onCreated={(seller) => {
            setRegistering(false);
            setCreated(seller);
            sellers.retry();
          }}
        />
      ) : (
        <Panel overlap>
          {created ? <Notice id="seller-created" kind="success" text={t('sell.saved', { name: created.displayName })} /> : null}
          <View className="pay-actions">
            <ActionButton id="sellers-register" onClick={() => setRegistering(true)}>
              {t('sell.register')}
            </ActionButton>
            <ActionButton id="sellers-station-listings" kind="secondary" onClick={() => openPage('stationListings')}>
              {t('sell.stationEntry')}
            </ActionButton>
          </View>
        </Panel>
      )}
      {sellers.state.status === 'idle' || sellers.state.status === 'loading' ? (
        <StateView id="sellers-loading" kind="loading" title={t('sell.sellersLoading')} />
      ) : null}
      {sellers.state.status === 'error' ? (
        <ErrorStateView
          id="sellers-error"
          title={t('sell.sellersError')}
          error={sellers.state.error}
          actions={[{ id: 'sellers-retry', label: t('state.retry'), onClick: sellers.retry }]}
        />
      ) : null}
      {listings.state.status === 'error' ? <Notice id="sellers-listings-error" kind="error" text={t('sell.listingsError')} /> : null}
      {sellers.state.status === 'ready' && sellers.state.items.length === 0 ? (
        <StateView id="sellers-empty" kind="empty" title={t('sell.sellersEmpty')} />
      ) : null}
      {sellers.state.status === 'ready' ? (
        <View id="sellers-list">
          {sellers.state.items.map((seller) => (
            <SellerCard key={seller.id} seller={seller} listings={listingsOf(seller.id)} />
          ))}
          {sellers.state.nextCursor !== null ? <LoadMore id="sellers-more" hasMore more={sellers.state.more} onMore={sellers.loadMore} /> : null}
          {listings.state.status === 'ready' && listings.state.nextCursor !== null ? (
            <LoadMore id="sellers-listings-more" hasMore more={listings.state.more} onMore={listings.loadMore} />
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

function Content({ me }: { me: MeResponse }) {
  if (!me.station)
    return <StateView id="sellers-no-station" kind="empty" title={t('officer.noStationTitle')} description={t('officer.stationMissing')} />;
  return <Sellers stationId={me.station.id} villageName={me.station.villageName} />;
}

/** 农产品代销: the station's sellers (households and cooperatives, registered with consent) and each one's listings. */
export default function SellersPage() {
  useNavTitle(t('sell.sellersNav'));
  return (
    <View id="sellers-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {(me) => <Content me={me} />}
      </RoleGate>
    </View>
  );
}
