import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { FeedImage } from '@shared/schemas/feeds';
import { ANSWER_TEXT, MAX_QUESTION_PHOTOS } from '@shared/schemas/question-limits';
import { ActionButton } from '../../../../components/action-button';
import { ImagePicker } from '../../../../components/image-picker';
import { Notice } from '../../../../components/notice';
import { Panel } from '../../../../components/panel';
import { Pill } from '../../../../components/pill';
import { ErrorStateView, StateView } from '../../../../components/state-view';
import { SubscribePrompt } from '../../../../components/subscribe-prompt';
import { useQuestion, type QuestionView } from '../../../../hooks/use-question';
import { useSession } from '../../../../hooks/use-session';
import { t } from '../../../../i18n/ask';
import { formatChinaTime } from '../../../../services/format';
import { goHome } from '../../../../services/routes';
import { stateTone } from '../../components/question-row';
import { TextBlock } from '../../components/text-block';
import { useNavTitle } from '../../../../hooks/use-nav-title';
import '../../ask.scss';
import { pageStyle } from '../../../../services/page-style';

/** Photos full width; a tap opens them in the phone's viewer (zoom, swipe to the next). */
function Photos({ id, photos }: { id: string; photos: FeedImage[] }) {
  if (photos.length === 0) return null;
  const urls = photos.map((photo) => photo.url);
  return (
    <View id={id} className="question__photos">
      {photos.map((photo, index) => (
        <Image
          key={photo.url}
          id={`${id}-${index}`}
          className="question__photo"
          src={photo.url}
          mode="widthFix"
          lazyLoad
          onClick={() => void Taro.previewImage({ current: photo.url, urls }).catch(() => undefined)}
        />
      ))}
      <Text className="ask__muted">{t('ask.photosHint')}</Text>
    </View>
  );
}

/** For an expert the question reaches: 领取, then (only the claimer) the answer's text and photos. */
function ExpertPanel({ question, q }: { question: QuestionView; q: ReturnType<typeof useQuestion> }) {
  const { claim, claimState, answer, answerState, answerText, setAnswerText, answerError, picker } = q;
  if (question.state === 'answered')
    return answerState.status === 'answered' ? <Notice id="question-answered" kind="success" text={t('ask.answered')} /> : null;
  if (question.claim?.byYou) {
    return (
      <Panel id="question-answer-form" title={t('ask.answerTitle')} intro={t('ask.claimedByYou', { time: formatChinaTime(question.claim.until) })}>
        <View className="ask">
          <TextBlock
            id="question-answer-text"
            label={t('ask.answerTitle')}
            value={answerText}
            max={ANSWER_TEXT.max}
            placeholder={t('ask.answerPlaceholder')}
            error={answerError}
            onChange={setAnswerText}
          />
          <View className="ask__block">
            <Text className="ask__label">{t('ask.answerPhotos', { max: MAX_QUESTION_PHOTOS })}</Text>
            <ImagePicker picker={picker} id="question-answer-photos" />
          </View>
          {answerState.status === 'failed' ? <Notice id="question-answer-error" kind="error" text={answerState.text} /> : null}
          <ActionButton id="question-answer-submit" loading={answerState.status === 'sending'} onClick={() => void answer()}>
            {answerState.status === 'sending' ? t('ask.answerSubmitting') : t('ask.answerSubmit')}
          </ActionButton>
        </View>
      </Panel>
    );
  }
  return (
    <Panel id="question-claim">
      {question.state === 'claimed' ? <Notice id="question-claimed-other" kind="info" text={t('ask.claimedByOther')} /> : null}
      {claimState.status === 'taken' ? <Notice id="question-claim-taken" kind="info" text={t('ask.claimTaken')} /> : null}
      {claimState.status === 'failed' ? <Notice id="question-claim-error" kind="error" text={claimState.text} /> : null}
      {question.state === 'waiting' ? (
        <ActionButton id="question-claim-button" loading={claimState.status === 'claiming'} onClick={() => void claim()}>
          {claimState.status === 'claiming' ? t('ask.claiming') : t('ask.claim')}
        </ActionButton>
      ) : null}
    </Panel>
  );
}

function Question({ question, q }: { question: QuestionView; q: ReturnType<typeof useQuestion> }) {
  const session = useSession();
  const expert = session?.user.role === 'expert';
  return (
    <View className="ask">
      <View id="question" className="question">
        <View className="question-row__badges">
          <Pill id="question-field" tone="brand">
            {t(`ask.field.${question.field}`)}
          </Pill>
          <Pill id="question-state" tone={stateTone(question.state)}>
            {t(`ask.state.${question.state}`)}
          </Pill>
          {question.state !== 'answered' && question.reach !== 'county' ? (
            <Pill tone="accent">{t(`ask.questionReach.${question.reach}`)}</Pill>
          ) : null}
        </View>
        <Text id="question-text" className="question__text" userSelect>
          {question.text}
        </Text>
        <Text id="question-meta" className="ask__muted">
          {[question.place.countyName, t('ask.askedAt', { time: formatChinaTime(question.askedAt) })].join(' · ')}
        </Text>
        <Photos id="question-photos" photos={question.photos} />
      </View>
      {question.answer ? (
        <View id="question-answer" className="question question--answer">
          <Text className="ask__label">{t('ask.answerLabel')}</Text>
          <Text id="question-answer-body" className="question__text" userSelect>
            {question.answer.text}
          </Text>
          <Text className="ask__muted">{t('ask.answeredAt', { time: formatChinaTime(question.answer.answeredAt) })}</Text>
          <Photos id="question-answer-photos-shown" photos={question.answer.photos} />
        </View>
      ) : question.yours ? (
        <Text id="question-waiting" className="ask__hint">
          {t('ask.waitingHint')}
        </Text>
      ) : null}
      {expert ? <ExpertPanel question={question} q={q} /> : null}
      {question.yours && !question.answer ? <SubscribePrompt id="question-subscribe" kind="answer" /> : null}
    </View>
  );
}

/**
 * One question (`?id=`, where the answer's subscribe message leads): its photos, state and answer;
 * the asker is offered a message for the answer; an expert it reaches claims and answers it here.
 */
export default function QuestionPage() {
  useNavTitle(t('ask.questionNavTitle'));
  const { params } = useRouter();
  const q = useQuestion(params.id || undefined);
  const { state, retry } = q;
  const gone = state.status === 'error' && (state.error.code === 'NOT_FOUND' || state.error.code === 'VALIDATION_FAILED');
  return (
    <View id="question-page" style={pageStyle} className="page">
      {state.status === 'idle' || state.status === 'loading' ? (
        <StateView id="question-loading" kind="loading" title={t('ask.questionLoading')} />
      ) : null}
      {gone ? (
        <StateView
          id="question-gone"
          kind="empty"
          title={t('ask.questionGoneTitle')}
          description={t('ask.questionGoneHint')}
          actions={[{ id: 'state-home-button', label: t('state.home'), onClick: goHome }]}
        />
      ) : null}
      {state.status === 'error' && !gone ? (
        <ErrorStateView
          id="question-error"
          title={t('ask.questionErrorTitle')}
          error={state.error}
          actions={[{ id: 'question-retry', label: t('state.retry'), onClick: retry }]}
        />
      ) : null}
      {state.status === 'ready' ? <Question question={state.value} q={q} /> : null}
    </View>
  );
}
