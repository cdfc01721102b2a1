import { Image, Text, View } from '@tarojs/components';
import { t } from '../../../i18n/market';
import { formatFen } from '../../../services/money';
import type { Listing } from '../../../services/api-market';

/** The listing's origin in words: "土桥村 · 乐都区" (the village, then its county when known). */
export function originText(listing: Pick<Listing, 'station'>): string {
  const county = listing.station.regionChain.find((region) => region.level === 'county')?.name;
  return county ? t('market.from', { village: listing.station.villageName, county }) : listing.station.villageName;
}

/** "¥35.00/斤": the price per unit, yuan on screen, fen in the data. */
export function priceText(listing: Pick<Listing, 'priceFen' | 'unitName'>): string {
  return t('market.pricePerUnit', { price: formatFen(listing.priceFen), unit: listing.unitName });
}

/** A listing in the browse list: the first photo's thumbnail, title, price per unit, seller and village. */
export function ListingRow({ listing, onOpen }: { listing: Listing; onOpen: () => void }) {
  const thumb = listing.photos[0]?.thumbnailUrl ?? listing.photos[0]?.url;
  return (
    <View id={`market-listing-${listing.id}`} className="market-row" onClick={onOpen}>
      {thumb ? <Image id={`market-listing-${listing.id}-thumb`} className="market-row__thumb" src={thumb} mode="aspectFill" lazyLoad /> : null}
      <View className="market-row__text">
        <Text className="market-row__title">{listing.title}</Text>
        <Text id={`market-listing-${listing.id}-price`} className="market-row__price">
          {priceText(listing)}
        </Text>
        <Text className="market-muted">
          {listing.seller.displayName} · {originText(listing)}
        </Text>
      </View>
    </View>
  );
}
