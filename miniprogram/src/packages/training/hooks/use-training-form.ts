import { useEffect, useState } from 'react';
import { useResource } from '../../../hooks/use-resource';
import { createTraining, getTraining, updateTraining, type Training } from '../../../services/api-training';
import { draftOf, emptyDraft, requestOf, type DraftProblem, type TrainingDraft } from '../../../services/training-form';
import { useTrainingAction } from './use-training-actions';

/**
 * The schedule form: a new session at `stationId`, or the session `id` to edit (only the fields that
 * changed are sent, so its history names them). `saved` is the session as the server answered.
 */
export function useTrainingForm(target: { stationId?: string; id?: string }) {
  const existing = useResource(target.id, getTraining);
  const [draft, setDraft] = useState<TrainingDraft>(() => emptyDraft());
  const [trainerIsMe, setTrainerIsMe] = useState(false);
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const [saved, setSaved] = useState<Training | null>(null);
  const action = useTrainingAction();
  const original = existing.state.status === 'ready' ? existing.state.value : null;

  useEffect(() => {
    if (original) setDraft(draftOf(original));
  }, [original]);

  const set = (field: keyof TrainingDraft, value: string) => setDraft((now) => ({ ...now, [field]: value }));

  const save = async () => {
    const stationId = original?.stationId ?? target.stationId;
    if (!stationId) return false;
    const checked = requestOf(draft, stationId);
    setProblems(checked.ok ? [] : checked.problems);
    if (!checked.ok) return false;
    if (!original) return action.run(() => createTraining({ ...checked.body, ...(trainerIsMe ? { trainerIsMe } : {}) }), setSaved);
    const { stationId: _station, ...fields } = checked.body;
    const before = draftOf(original);
    const changes = Object.fromEntries(
      Object.entries(fields).filter(([key, value]) => {
        if (key === 'startsAt') return value !== original.startsAt;
        if (key === 'endsAt') return value !== original.endsAt;
        if (key === 'capacity') return value !== original.capacity;
        if (key === 'trainer') return value !== (before.trainer || undefined);
        return value !== (original as unknown as Record<string, unknown>)[key];
      }),
    );
    return action.run(() => updateTraining(original.id, changes), setSaved);
  };

  return { existing, draft, set, trainerIsMe, setTrainerIsMe, problems, save, saved, ...action };
}
