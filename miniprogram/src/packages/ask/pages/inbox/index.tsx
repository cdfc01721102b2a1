import { useCallback } from 'react';
import { View } from '@tarojs/components';
import { LoadMore } from '../../../../components/load-more';
import { PageHero } from '../../../../components/page-hero';
import { RoleGate } from '../../../../components/role-gate';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { usePagedList } from '../../../../hooks/use-paged-list';
import { useReloadOnShow } from '../../../../hooks/use-reload-on-show';
import { t } from '../../../../i18n/ask';
import { questionInbox } from '../../../../services/api-ask';
import { openPage } from '../../../../services/routes';
import { QuestionRow } from '../../components/question-row';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../ask.scss';
import { pageStyle } from '../../../../services/page-style';

const EXPERTS = ['expert'] as const;
const inbox = (_key: string, cursor: string | undefined) => questionInbox(cursor);

/** The open questions that reach the expert, as the server orders them; fresh again when they come back from one. */
function Inbox({ userId }: { userId: string }) {
  const { state, loadMore, retry, refresh } = usePagedList(userId, inbox);
  useReloadOnShow(useCallback(() => refresh(), [refresh]));
  return (
    <View className="ask">
      {state.status === 'idle' || state.status === 'loading' ? <StateView id="inbox-loading" kind="loading" title={t('ask.inboxLoading')} /> : null}
      {state.status === 'error' ? (
        <ErrorStateView
          id="inbox-error"
          title={t('ask.inboxErrorTitle')}
          error={state.error}
          actions={[{ id: 'inbox-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' && state.items.length === 0 ? <StateView id="inbox-empty" kind="empty" title={t('ask.inboxEmpty')} /> : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View id="inbox-list" className="ask__list">
          {state.items.map((question) => (
            <QuestionRow key={question.id} id={`inbox-${question.id}`} question={question} onOpen={() => openPage('question', { id: question.id })} />
          ))}
          <LoadMore id="inbox-more" hasMore={state.nextCursor !== null} more={state.more} onMore={loadMore} />
        </View>
      ) : null}
    </View>
  );
}

/** 待解答的问题 (experts): their county's questions first, then those escalated to their prefecture and the province. */
export default function InboxPage() {
  useNavTitle(t('ask.inboxNavTitle'));
  return (
    <View id="inbox-page" style={pageStyle} className="page">
      <RoleGate roles={EXPERTS} title="role.inbox.title" signInPrompt="role.inbox.signIn" deniedText="role.inbox.denied">
        {(me) => (
          <>
            <PageHero title={{ text: t('ask.inboxTitle') }} lines={[{ text: t('ask.inboxIntro') }]} />
            <Inbox userId={me.user.id} />
          </>
        )}
      </RoleGate>
    </View>
  );
}
