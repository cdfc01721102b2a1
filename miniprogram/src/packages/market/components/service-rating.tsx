import { useState } from 'react';
import { View } from '@tarojs/components';
import { ActionButton } from '../../../components/action-button';
import { Chip, ChipGroup } from '../../../components/chip';
import { Notice } from '../../../components/notice';
import { TextField } from '../../../components/text-field';
import { errorText, t } from '../../../i18n/market';
import { rateService } from '../../../services/api-services';
import { toApiErrorLike } from '../../../services/errors';

type RatingState = { status: 'idle' | 'sending' } | { status: 'done'; rating: number } | { status: 'already' } | { status: 'failed'; reason: string };

/** After a service (an order handed over or shipped), its villager rates it 1-5 once, with an optional comment. */
export function ServiceRating({ serviceId }: { serviceId: string }) {
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState('');
  const [state, setState] = useState<RatingState>({ status: 'idle' });
  if (state.status === 'done') return <Notice id="rating-thanks" kind="success" text={t('market.rate.thanks', { n: state.rating })} />;
  if (state.status === 'already') return <Notice id="rating-already" kind="info" text={t('market.rate.already')} />;
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
    <View id="rating-prompt" className="market-card">
      <ChipGroup label={t('market.rate.title')}>
        {[1, 2, 3, 4, 5].map((n) => (
          <Chip key={n} id={`rating-${n}`} label={t('market.rate.star', { n })} selected={rating === n} onClick={() => setRating(n)} />
        ))}
      </ChipGroup>
      <TextField id="rating-comment" label={t('market.rate.comment')} value={comment} maxLength={200} onChange={setComment} />
      {state.status === 'failed' ? <Notice id="rating-error" kind="error" text={t('market.rate.failed', { reason: state.reason })} /> : null}
      <ActionButton id="rating-send" disabled={rating === 0} loading={state.status === 'sending'} onClick={send}>
        {t('market.rate.send')}
      </ActionButton>
    </View>
  );
}
