import { useEffect } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { TRAINING_TOPICS } from '@shared/training-topics';
import { ActionButton } from '../../../../components/action-button';
import { Chip, ChipGroup } from '../../../../components/chip';
import { Panel } from '../../../../components/panel';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { TextField } from '../../../../components/text-field';
import { t } from '../../../../i18n/training';
import { replacePage } from '../../../../services/routes';
import { currentUser } from '../../../../services/session';
import { useTrainingForm } from '../../hooks/use-training-form';
import { topicName } from '../../components/training-text';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../training.scss';
import { pageStyle } from '../../../../services/page-style';

/** Schedule a session at `?stationId=`, or edit `?id=`: topic, title, trainer, date and times (China's), seats. */
export default function TrainingEditPage() {
  useNavTitle(t('training.navEdit'));
  const { params } = useRouter();
  const form = useTrainingForm({ stationId: params.stationId || undefined, id: params.id || undefined });
  const { draft, set, problems, saved } = form;
  useEffect(() => {
    if (saved) replacePage('trainingSession', { id: saved.id });
  }, [saved]);
  if (params.id && (form.existing.state.status === 'loading' || form.existing.state.status === 'idle')) {
    return <StateView id="training-loading" kind="loading" title={t('training.loading')} />;
  }
  if (form.existing.state.status === 'error')
    return <ErrorStateView id="training-error" title={t('training.errorTitle')} error={form.existing.state.error} />;
  if (!params.id && !params.stationId)
    return <StateView id="training-error" kind="error" title={t('training.errorTitle')} description={t('training.noStation')} />;
  const problem = (field: 'title' | 'date' | 'startTime' | 'endTime' | 'capacity') =>
    problems.includes(field)
      ? t(`training.problem.${field}`)
      : field === 'endTime' && problems.includes('order')
        ? t('training.problem.order')
        : undefined;
  return (
    <View id="training-edit-page" style={pageStyle} className="page">
      <Panel id="training-edit" title={params.id ? t('training.edit') : t('training.schedule')}>
        <ChipGroup id="training-topic" label={t('training.field.topic')}>
          {TRAINING_TOPICS.map((topic) => (
            <Chip
              key={topic}
              id={`training-topic-${topic}`}
              label={topicName(topic)}
              selected={draft.topic === topic}
              compact
              onClick={() => set('topic', topic)}
            />
          ))}
        </ChipGroup>
        <TextField
          id="training-title"
          label={t('training.field.title')}
          value={draft.title}
          maxLength={60}
          error={problem('title')}
          onChange={(v) => set('title', v)}
        />
        <TextField
          id="training-trainer"
          label={t('training.field.trainer')}
          value={draft.trainer}
          maxLength={30}
          onChange={(v) => set('trainer', v)}
        />
        {!params.id && currentUser()?.role === 'officer' ? (
          <Chip
            id="training-trainer-is-me"
            label={t('training.field.trainerIsMe')}
            selected={form.trainerIsMe}
            onClick={() => form.setTrainerIsMe(!form.trainerIsMe)}
          />
        ) : null}
        <TextField
          id="training-date"
          label={t('training.field.date')}
          value={draft.date}
          maxLength={10}
          error={problem('date')}
          onChange={(v) => set('date', v)}
        />
        <TextField
          id="training-start"
          label={t('training.field.start')}
          kind="time"
          value={draft.startTime}
          error={problem('startTime')}
          onChange={(v) => set('startTime', v)}
        />
        <TextField
          id="training-end"
          label={t('training.field.end')}
          kind="time"
          value={draft.endTime}
          error={problem('endTime')}
          onChange={(v) => set('endTime', v)}
        />
        <TextField
          id="training-capacity"
          label={t('training.field.capacity')}
          kind="digits"
          value={draft.capacity}
          maxLength={3}
          error={problem('capacity')}
          onChange={(v) => set('capacity', v)}
        />
        <View className="training-actions">
          <ActionButton id="training-save" loading={form.busy} onClick={() => void form.save()}>
            {params.id ? t('training.save') : t('training.create')}
          </ActionButton>
          {form.message ? <Text id="training-edit-message">{form.message}</Text> : null}
        </View>
      </Panel>
    </View>
  );
}
