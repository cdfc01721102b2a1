import { dynamoExpertRepository } from '../data/experts-repository';
import { dynamoAccountCodeRepository } from '../data/account-codes-repository';
import { takeRateLimitToken } from '../data/rate-limiter';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { appointExpert } from '../domain/accounts/experts';
import { appointOfficer, listStationOfficers, removeOfficer } from '../domain/accounts/officers';
import { createHttpHandler } from '../http/pipeline';

const appointDeps = {
  users: dynamoUserRepository,
  stations: dynamoStationRepository,
  accountCodes: dynamoAccountCodeRepository,
  rateLimiter: takeRateLimitToken,
};

export const handler = createHttpHandler('admin', {
  appointOfficer: ({ caller, body }) => appointOfficer(appointDeps, caller, body),
  removeOfficer: ({ caller, params }) => removeOfficer({ users: dynamoUserRepository }, caller, params.userId),
  stationOfficers: ({ caller, params }) =>
    listStationOfficers({ users: dynamoUserRepository, stations: dynamoStationRepository }, caller, params.stationId),
  appointExpert: ({ caller, body }) => appointExpert({ ...appointDeps, experts: dynamoExpertRepository }, caller, body),
});
