import { qrSvgDataUri } from '../adapters/qr-image';
import { dynamoHouseholdRepository } from '../data/households-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoTrainingRepository } from '../data/trainings-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { createIdempotencyStore } from '../data/idempotency-store';
import { myTrainingHours, trainingAttendance } from '../domain/training/training-attendance';
import { checkIn } from '../domain/training/training-checkin';
import { cancelTraining, createTraining, getTraining, listTrainings, updateTraining } from '../domain/training/training-schedule';
import { cancelMySignup, signUp } from '../domain/training/training-signup';
import { createHttpHandler } from '../http/pipeline';

const trainings = dynamoTrainingRepository;
const scheduleDeps = { trainings, stations: dynamoStationRepository };
const peopleDeps = { trainings, users: dynamoUserRepository, households: dynamoHouseholdRepository };

// The pipeline's own deps: where the first answers of its queueable routes are kept for a replay.
const pipelineDeps = { replays: createIdempotencyStore() };

export const handler = createHttpHandler('training', pipelineDeps, {
  listTrainings: ({ query }) => listTrainings({ trainings }, query),
  getTraining: ({ caller, params }) => getTraining({ trainings }, caller, params.trainingId),
  createTraining: ({ caller, body }) => createTraining(scheduleDeps, caller, body),
  updateTraining: ({ caller, params, body }) => updateTraining(scheduleDeps, caller, params.trainingId, body),
  cancelTraining: ({ caller, params, body }) => cancelTraining(scheduleDeps, caller, params.trainingId, body.reason),
  trainingAttendance: ({ caller, params }) =>
    trainingAttendance({ trainings, users: dynamoUserRepository, qrImage: qrSvgDataUri }, caller, params.trainingId),
  signUpTraining: ({ caller, params, body }) => signUp(peopleDeps, caller, params.trainingId, body),
  cancelMySignup: ({ caller, params }) => cancelMySignup({ trainings }, caller, params.trainingId),
  checkInTraining: ({ caller, params, body }) => checkIn(peopleDeps, caller, params.trainingId, body),
  myTrainingHours: ({ caller, query }) => myTrainingHours({ trainings }, caller, query),
});
