import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { ActionButton } from '../../../../components/action-button';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { useDebounced } from '../../../../hooks/use-debounced';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { useSession } from '../../../../hooks/use-session';
import { SEARCH_DEBOUNCE_MS, SEARCH_MAX_LENGTH, searchKey } from '../../../../hooks/use-station-search';
import { t } from '../../../../i18n/ask';
import { myQuestions, searchQuestions } from '../../../../services/api-ask';
import { openPage, openSignIn, pageUrl } from '../../../../services/routes';
import { QuestionRow, ResultRow } from '../../components/question-row';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../ask.scss';
import { pageStyle } from '../../../../services/page-style';
import { textLength } from '@shared/text-length';

const search = (q: string, cursor: string | undefined) => searchQuestions(q, cursor);
const mine = (_key: string, cursor: string | undefined) => myQuestions(cursor);

/**
 * Answered questions others published, by Chinese text or pinyin, once typing pauses (like station
 * search). The API reads them for signed-in users only: signed out, the field leads to 去登录.
 */
function Search({ signedIn }: { signedIn: boolean }) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query, SEARCH_DEBOUNCE_MS);
  const key = signedIn ? searchKey(settled) : undefined;
  const { state, loadMore, retry } = usePagedList(key, search);
  const tooLong = textLength(query.trim()) > SEARCH_MAX_LENGTH;
  return (
    <View id="ask-search" className="ask__block">
      <TextField
        id="ask-search-input"
        label={t('ask.searchLabel')}
        value={query}
        placeholder={t('ask.searchPlaceholder')}
        error={tooLong ? t('ask.searchTooLong', { max: SEARCH_MAX_LENGTH }) : undefined}
        onChange={setQuery}
      />
      {!signedIn && query.trim() ? (
        <View id="ask-search-sign-in" className="ask__block">
          <Text className="ask__hint">{t('ask.searchSignIn')}</Text>
          <ActionButton id="ask-search-sign-in-button" kind="secondary" size="small" onClick={() => openSignIn(pageUrl('ask'))}>
            {t('ask.goSignIn')}
          </ActionButton>
        </View>
      ) : null}
      {state.status === 'loading' ? <StateView id="ask-search-loading" kind="loading" title={t('ask.searching')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="ask-search-error"
          title={t('ask.searchErrorTitle')}
          error={state.error}
          actions={[{ id: 'ask-search-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView id="ask-search-empty" kind="empty" title={t('ask.searchEmptyTitle', { q: key ?? '' })} description={t('ask.searchEmptyHint')} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="ask-results" className="ask__list">
          {state.items.map((question) => (
            <ResultRow key={question.id} question={question} onOpen={() => openPage('question', { id: question.id })} />
          ))}
          <LoadMore id="ask-results-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}

/** 我的提问: what the signed-in user asked, newest first, with each one's state; again when they come back from asking. */
function MyQuestions({ userId }: { userId: string }) {
  const { state, loadMore, retry, refresh } = usePagedList(userId, mine);
  useReloadOnShow(useCallback(() => refresh(), [refresh]));
  return (
    <Panel id="ask-mine" title={t('ask.mineTitle')}>
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="ask-mine-loading" kind="loading" title={t('ask.mineLoading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="ask-mine-error"
          title={t('ask.mineErrorTitle')}
          error={state.error}
          actions={[{ id: 'ask-mine-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <Text id="ask-mine-empty" className="ask__muted">
          {t('ask.mineEmpty')}
        </Text>
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="ask-mine-list" className="ask__list">
          {state.items.map((question) => (
            <QuestionRow
              key={question.id}
              id={`ask-mine-${question.id}`}
              question={question}
              onOpen={() => openPage('question', { id: question.id })}
            />
          ))}
          <LoadMore id="ask-mine-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </Panel>
  );
}

/**
 * 问专家: search what others asked (answered and published), 我要提问, and the user's own questions
 * with their state. Signed out, both search and asking lead to sign-in and back.
 */
export default function AskHomePage() {
  useNavTitle(t('ask.navTitle'));
  const session = useSession();
  const canAsk = !session || session.user.role === 'villager' || session.user.role === 'officer';
  const expert = session?.user.role === 'expert';
  return (
    <View id="ask-page" style={pageStyle} className="page">
      <PageHero title={{ text: t('ask.title') }} lines={[{ text: t('ask.intro') }]} />
      <View className="ask">
        {canAsk ? (
          <View className="ask__block">
            <ActionButton id="ask-button" onClick={() => (session ? openPage('askForm') : openSignIn(pageUrl('askForm')))}>
              {t('ask.askButton')}
            </ActionButton>
            {!session ? (
              <Text id="ask-sign-in-hint" className="ask__hint">
                {t('ask.askSignIn')}
              </Text>
            ) : null}
          </View>
        ) : expert ? (
          <ActionButton id="ask-inbox-button" kind="secondary" onClick={() => openPage('questionInbox')}>
            {t('ask.inboxTitle')}
          </ActionButton>
        ) : null}
        <Search signedIn={Boolean(session)} />
        {session && canAsk ? <MyQuestions userId={session.user.id} /> : null}
      </View>
    </View>
  );
}
