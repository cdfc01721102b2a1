import { useState } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from '../action-button';
import { Chip, ChipGroup } from '../chip';
import { Notice } from '../notice';
import { TextField } from '../text-field';
import { errorText, t } from '../../i18n/shared';
import { rateService } from '../../services/api-services';
import { toApiErrorLike } from '../../services/errors';
import './index.scss';

type RatingState = { status: 'idle' | 'sending' } | { status: 'done'; rating: number } | { status: 'already' } | { status: 'failed'; reason: string };

/**
 * After a service (an order handed over or shipped, a consultation, ...), its villager rates it 1-5 once,
 * with an optional comment; a second rating (409, e.g. from another screen) reads as already rated.
 * Used by the market's order page and 我的服务 (packages/me).
 */
export function ServiceRating({ serviceId, idPrefix = 'rating' }: { serviceId: string; idPrefix?: string }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<RatingState>({ status: 'idle' });
  if (state.status === 'done') return <Notice id={`${idPrefix}-thanks`} kind="success" text={t('rate.thanks', { n: state.rating })} />;
  if (state.status === 'already') return <Notice id={`${idPrefix}-already`} kind="info" text={t('rate.already')} />;
  const send = async () => {
    setState({ status: 'sending' });
    try {
      await rateService(serviceId, { rating, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setState({ status: 'done', rating });
    } catch (caught) {
      const error = toApiErrorLike(caught);
      setState(error.code === 'CONFLICT' ? { status: 'already' } : { status: 'failed', reason: errorText(error.code) });
    }
  };
  return (
    <View id={`${idPrefix}-prompt`} className="service-rating">
      <ChipGroup label={t('rate.title')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Chip key={n} id={`${idPrefix}-${n}`} label={t('rate.star', { n })} selected={rating === n} onClick={() => setRating(n)} />
        ))}
      </ChipGroup>
      <TextField id={`${idPrefix}-comment`} label={t('rate.comment')} value={comment} maxLength={200} onChange={setComment} />
      {state.status === 'failed' ? <Notice id={`${idPrefix}-error`} kind="error" text={t('rate.failed', { reason: state.reason })} /> : null}
      <ActionButton id={`${idPrefix}-send`} disabled={rating === 0} loading={state.status === 'sending'} onClick={send}>
        {t('rate.send')}
      </ActionButton>
    </View>
  );
}
