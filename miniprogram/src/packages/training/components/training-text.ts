import { t } from '../../../i18n/training';
import type { Training } from '../../../services/api-training';
import { formatChinaTime } from '../../../services/format';

export const topicName = (topic: Training['topic']) => t(`training.topic.${topic}`);

/** "2026-12-01 10:00 至 12:00" (China's time; the date once when both ends fall on it). */
export function timeRange(training: Pick<Training, 'startsAt' | 'endsAt'>): string {
  const start = formatChinaTime(training.startsAt);
  const end = formatChinaTime(training.endsAt);
  return t('training.timeRange', { start, end: end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end });
}

export const seatsText = (training: Pick<Training, 'signedUpCount' | 'capacity'>) =>
  t('training.seats', { count: training.signedUpCount, capacity: training.capacity });
