import { Text, View } from '@tarojs/components';
import type { PublicQuestion, QuestionView } from '@shared/schemas/questions';
import { clipText } from '@shared/text-length';
import { Pill } from '../../../components/pill';
import { t } from '../../../i18n/ask';
import { formatChinaTime } from '../../../services/format';

const EXCERPT = 60;
const day = (iso: string) => formatChinaTime(iso).slice(0, 10);

/** The state as the asker reads it: 待领取, 专家解答中, 已解答. */
export const stateTone = (state: QuestionView['state']) => (state === 'answered' ? 'brand' : state === 'claimed' ? 'accent' : 'muted');

/** An answered, published question in the search results: the question, the answer's first lines, field and county. */
export function ResultRow({ question, onOpen }: { question: PublicQuestion; onOpen: () => void }) {
  return (
    <View id={`ask-result-${question.id}`} className="question-row" onClick={onOpen}>
      <View className="question-row__badges">
        <Pill tone="brand">{t(`ask.field.${question.field}`)}</Pill>
      </View>
      <Text className="question-row__text">{clipText(question.text, EXCERPT)}</Text>
      <Text className="question-row__answer">
        {t('ask.answerLabel')}：{clipText(question.answer.text, EXCERPT)}
      </Text>
      <Text className="question-row__meta">{[question.place.countyName, day(question.answer.answeredAt)].join(' · ')}</Text>
    </View>
  );
}

/** A question of the asker's own or of the expert's inbox: field, state, text, county and when asked. */
export function QuestionRow({ id, question, onOpen }: { id: string; question: QuestionView; onOpen: () => void }) {
  return (
    <View id={id} className="question-row" onClick={onOpen}>
      <View className="question-row__badges">
        <Pill tone="brand">{t(`ask.field.${question.field}`)}</Pill>
        <Pill id={`${id}-state`} tone={stateTone(question.state)}>
          {t(`ask.state.${question.state}`)}
        </Pill>
      </View>
      <Text className="question-row__text">{clipText(question.text, EXCERPT)}</Text>
      {question.answer ? (
        <Text className="question-row__answer">
          {t('ask.answerLabel')}：{clipText(question.answer.text, EXCERPT)}
        </Text>
      ) : null}
      <Text className="question-row__meta">{[question.place.countyName, t('ask.askedAt', { time: day(question.askedAt) })].join(' · ')}</Text>
    </View>
  );
}
