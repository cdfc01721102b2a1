import { Image, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useResource } from '../../../../hooks/use-resource';
import { t } from '../../../../i18n/staff';
import { getCategories, getListing, getListingHistory, type Listing } from '../../../../services/api-sell';
import { replacePage } from '../../../../services/routes';
import { listingRowText } from '../station-listings/listing-text';
import { CreateListingForm } from './create-form';
import { EditListing } from './edit-listing';
import { ListingHistory } from './listing-history';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import './index.scss';
import { pageStyle } from '../../../../services/page-style';

/** A query value as text: Taro hands it over still encoded on some platforms and decoded on others. */
function readableParam(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function CreateListing({ sellerId, sellerName }: { sellerId: string; sellerName: string | undefined }) {
  const { state, retry } = useResource('categories', getCategories);
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="listing-load-error"
        title={t('sell.loadError')}
        error={state.error}
        actions={[{ id: 'listing-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  if (state.status !== 'ready') return <StateView id="listing-loading" kind="loading" title={t('sell.loading')} />;
  // The new listing's own page (edit and history) takes this form's place: back returns to the sellers.
  return (
    <CreateListingForm
      sellerId={sellerId}
      sellerName={sellerName}
      categories={state.value.items}
      onCreated={(listing: Listing) => replacePage('listingEdit', { id: listing.id })}
    />
  );
}

function ExistingListing({ listingId }: { listingId: string }) {
  const listing = useResource(listingId, getListing);
  const history = usePagedList(listingId, (id, cursor) => getListingHistory(id, cursor));
  if (listing.state.status === 'error') {
    return (
      <ErrorStateView
        id="listing-load-error"
        title={t('sell.loadError')}
        error={listing.state.error}
        actions={[{ id: 'listing-retry', label: t('state.retry'), onClick: listing.retry }]}
      />
    );
  }
  if (listing.state.status !== 'ready') return <StateView id="listing-loading" kind="loading" title={t('sell.loading')} />;
  const value = listing.state.value;
  return (
    <View id="listing-page-body">
      <PageHero
        eyebrow={{ text: `${value.seller.displayName} · ${value.categoryName}` }}
        title={{ id: 'listing-title-shown', text: value.title }}
        lines={[{ id: 'listing-summary', text: listingRowText(value) }]}
      />
      {value.photos.length > 0 ? (
        <View id="listing-photos-shown" className="image-picker listing-photos">
          {value.photos.map((photo) => (
            <View key={photo.id} className="image-picker__item">
              <Image className="image-picker__thumb" src={photo.thumbnailUrl} mode="aspectFill" />
            </View>
          ))}
        </View>
      ) : null}
      <EditListing
        listing={value}
        onSaved={(updated) => {
          listing.replace(updated);
          history.refresh();
        }}
        onStale={() => {
          listing.refresh();
          history.refresh();
        }}
      />
      <ListingHistory listing={value} state={history.state} onMore={() => void history.loadMore()} onRetry={history.retry} />
    </View>
  );
}

/** A listing: created for a seller (`?seller=`), or edited with its history (`?id=`). */
export default function ListingEditPage() {
  useNavTitle(t('sell.editNav'));
  const { params } = useRouter();
  return (
    <View id="listing-page" style={pageStyle} className="page">
      <RoleGate roles={['officer']} title="role.officer.title" signInPrompt="role.officer.signIn" deniedText="role.officer.denied">
        {() =>
          params.id ? (
            <ExistingListing listingId={params.id} />
          ) : params.seller ? (
            <CreateListing sellerId={params.seller} sellerName={readableParam(params.name)} />
          ) : (
            <StateView id="listing-missing" kind="empty" title={t('sell.missing')} />
          )
        }
      </RoleGate>
    </View>
  );
}
