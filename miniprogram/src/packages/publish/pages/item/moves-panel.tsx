import { Text, View } from '@tarojs/components';
import type { FeedDetail } from '@shared/schemas/feeds';
import { ActionButton } from '../../../../components/action-button';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { TextField } from '../../../../components/text-field';
import { useFeedMoves } from '../../../../hooks/use-feed-moves';
import { t, type MessageKey } from '../../../../i18n/publish';
import type { FeedAction } from '../../../../services/api-publish';
import { requestNote } from '../../../../services/errors';
import { actionsFor, type Viewer } from '../../../../services/feed-publish';
import { openPage } from '../../../../services/routes';

const LABEL: Record<FeedAction, { idle: MessageKey; pending: MessageKey }> = {
  submit: { idle: 'publish.action.submit', pending: 'publish.action.submitting' },
  publish: { idle: 'publish.action.publish', pending: 'publish.action.publishing' },
  reject: { idle: 'publish.action.reject', pending: 'publish.action.rejecting' },
  retract: { idle: 'publish.action.retract', pending: 'publish.action.retracting' },
};

export interface MovesPanelProps {
  item: FeedDetail;
  viewer: Viewer;
  onMoved: (item: FeedDetail) => void;
  onStale: () => void;
}

/**
 * What the viewer may do with the item now: edit and submit (its author), publish or reject with a
 * reason (a reviewer who did not write it), retract with a reason and a confirm (a reviewer, once
 * published). The server decides; a refusal (409 moved meanwhile, 403 own item) is said in words.
 */
export function MovesPanel({ item, viewer, onMoved, onStale }: MovesPanelProps) {
  const { edit, moves } = actionsFor(viewer, item);
  const form = useFeedMoves(item.id, item.author.you, onMoved, onStale);
  const { state } = form;
  const needsReason = moves.includes('reject') || moves.includes('retract');
  const ownInReview = item.author.you && item.status === 'IN_REVIEW' && viewer.role !== 'expert';
  return (
    <Panel id="feed-moves" title={t('publish.action.title')}>
      {!edit && moves.length === 0 ? (
        <Text id="feed-moves-none" className="publish__note">
          {ownInReview ? t('publish.action.ownItem') : t('publish.action.none')}
        </Text>
      ) : null}
      {needsReason ? (
        <TextField
          id="feed-reason-input"
          label={t('publish.action.reasonLabel')}
          value={form.reason}
          placeholder={t('publish.action.reasonPlaceholder')}
          error={form.reasonError}
          maxLength={200}
          onChange={form.setReason}
        />
      ) : null}
      {state.status === 'confirming' ? (
        <View id="feed-retract-confirming">
          <Notice id="feed-retract-warning" kind="error" text={t('publish.action.retractWarning')} />
          <View className="publish__actions">
            <ActionButton id="feed-retract-confirm" kind="danger" onClick={() => void form.confirmRetract()}>
              {t('publish.action.retractConfirm')}
            </ActionButton>
            <ActionButton id="feed-retract-cancel" kind="secondary" onClick={form.cancel}>
              {t('publish.action.cancel')}
            </ActionButton>
          </View>
        </View>
      ) : (
        <View className="publish__actions">
          {edit ? (
            <ActionButton id="feed-action-edit" kind="secondary" onClick={() => openPage('publishEdit', { id: item.id })}>
              {t('publish.action.edit')}
            </ActionButton>
          ) : null}
          {moves.map((action) => {
            const pending = state.status === 'pending' && state.action === action;
            return (
              <ActionButton
                key={action}
                id={`feed-action-${action}`}
                kind={action === 'reject' || action === 'retract' ? 'danger' : 'primary'}
                loading={pending}
                disabled={state.status === 'pending' && !pending}
                onClick={() => void form.start(action)}
              >
                {t(pending ? LABEL[action].pending : LABEL[action].idle)}
              </ActionButton>
            );
          })}
        </View>
      )}
      {state.status === 'done' ? <Notice id="feed-moves-done" kind="success" text={t(`publish.done.${state.action}` as MessageKey)} /> : null}
      {state.status === 'failed' ? <Notice id="feed-moves-error" kind="error" text={state.message} note={requestNote(state.requestId)} /> : null}
    </Panel>
  );
}
