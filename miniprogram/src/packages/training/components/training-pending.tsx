import { ErrorStateView, StateView } from '../../../components/state-view';
import { t } from '../../../i18n/training';

/** What a training page's load is before its answer is in: its ids are the ones the e2e tests wait on. */
export type TrainingPendingState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: { code: string; requestId?: string } };

/** A training page still loading (training-loading), or failed with a way to try again (training-error, training-retry). */
export function TrainingPending({ state, retry }: { state: TrainingPendingState; retry: () => void }) {
  if (state.status === 'error') {
    return (
      <ErrorStateView
        id="training-error"
        title={t('training.errorTitle')}
        error={state.error}
        actions={[{ id: 'training-retry', label: t('state.retry'), onClick: retry }]}
      />
    );
  }
  return <StateView id="training-loading" kind="loading" title={t('training.loading')} />;
}
