import { View } from '@tarojs/components';
import { LoadMore } from '../../../../components/load-more';
import { Panel } from '../../../../components/panel';
import { Section } from '../../../../components/section';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { StationList } from '../../../../components/station-list';
import { TextField } from '../../../../components/text-field';
import { SEARCH_MAX_LENGTH, useStationSearch } from '../../../../hooks/use-station-search';
import { t } from '../../../../i18n/find';
import { openPage } from '../../../../services/routes';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../find.scss';
import { pageStyle } from '../../../../services/page-style';

const browseInstead = { id: 'search-browse-button', label: t('find.browseInstead'), kind: 'secondary' as const, onClick: () => openPage('browse') };

function Results({ search }: { search: ReturnType<typeof useStationSearch> }) {
  const { state, searched, pending, loadMore, retry } = search;
  if (state.status === 'idle') {
    return pending ? null : <StateView id="search-idle" kind="empty" title={t('search.idleTitle')} description={t('search.idleHint')} />;
  }
  if (state.status === 'loading') return <StateView id="search-loading" kind="loading" title={t('search.loading')} />;
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="search-error"
        title={t('search.errorTitle')}
        error={state.error}
        actions={[{ id: 'search-retry-button', label: t('state.retry'), onClick: retry }, browseInstead]}
      />
    );
  }
  if (state.items.length === 0) {
    return (
      <StateView
        id="search-empty"
        kind="empty"
        title={t('search.emptyTitle', { q: searched ?? '' })}
        description={t('search.emptyHint')}
        actions={[browseInstead]}
      />
    );
  }
  return (
    <Section title={t('search.resultsTitle', { q: searched ?? '' })}>
      <StationList id="search-results" idPrefix="search-result" stations={state.items} />
      <LoadMore id="search-more-button" hasMore={state.nextCursor !== null} more={state.more} onMore={() => void loadMore()} />
    </Section>
  );
}

/** Search by village, township or county name, Chinese or pinyin (full or initials). */
export default function SearchPage() {
  useNavTitle(t('find.navSearch'));
  const search = useStationSearch();
  return (
    <View id="search-page" style={pageStyle} className="page find">
      <Panel>
        <TextField
          id="search-input"
          label={t('search.label')}
          value={search.query}
          placeholder={t('search.placeholder')}
          hint={t('search.hint')}
          error={search.tooLong ? t('search.tooLong', { n: SEARCH_MAX_LENGTH }) : undefined}
          maxLength={SEARCH_MAX_LENGTH}
          onChange={search.setQuery}
        />
      </Panel>
      <Results search={search} />
    </View>
  );
}
