import { s3ImageStore } from '../adapters/s3-image-store';
import { pinyinSpeller } from '../adapters/pinyin';
import { subscribeMessageSender } from '../adapters/subscribe-message-senders';
import { notifySettings } from '../config/notify';
import { offsetCursor } from '../data/cursor';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { dynamoQuestionRepository } from '../data/questions-repository';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoSubscriptionRepository } from '../data/subscriptions-repository';
import { dynamoUploadRepository } from '../data/uploads-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { answerQuestion, claimQuestion, type AnswerDeps } from '../domain/questions/answer-question';
import { askQuestion } from '../domain/questions/ask-question';
import { expertInbox, getQuestion, myQuestions, searchQuestions } from '../domain/questions/question-read';
import { createHttpHandler } from '../http/pipeline';

const questions = dynamoQuestionRepository;
const images = s3ImageStore;
const uploads = dynamoUploadRepository;
const readDeps = { questions, images, offsets: offsetCursor };
const askDeps = {
  questions,
  users: dynamoUserRepository,
  households: dynamoHouseholdRepository,
  stations: dynamoStationRepository,
  regions: dynamoRegionRepository,
  uploads,
  images,
};
const answerDeps = (): AnswerDeps => ({
  questions,
  uploads,
  images,
  speller: pinyinSpeller,
  users: dynamoUserRepository,
  subscriptions: dynamoSubscriptionRepository,
  sender: subscribeMessageSender(),
  template: notifySettings().answerTemplate,
});

export const handler = createHttpHandler('questions', {
  askQuestion: ({ caller, body }) => askQuestion(askDeps, caller, body),
  myQuestions: ({ caller, query }) => myQuestions(readDeps, caller, query),
  questionInbox: ({ caller, query }) => expertInbox(readDeps, caller, query),
  searchQuestions: ({ query }) => searchQuestions(readDeps, query),
  getQuestion: ({ caller, params }) => getQuestion(readDeps, caller, params.id),
  claimQuestion: ({ caller, params }) => claimQuestion(answerDeps(), caller, params.id),
  answerQuestion: ({ caller, params, body }) => answerQuestion(answerDeps(), caller, params.id, body),
});
