import { dynamoExpertRepository } from '../data/experts-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { appointExpert } from '../domain/accounts/experts';
import { appointOfficer, listStationOfficers, removeOfficer } from '../domain/accounts/officers';
import { createHttpHandler } from '../http/pipeline';

export const handler = createHttpHandler('admin', {
  appointOfficer: ({ caller, body }) => appointOfficer({ users: dynamoUserRepository, stations: dynamoStationRepository }, caller, body),
  removeOfficer: ({ caller, params }) => removeOfficer({ users: dynamoUserRepository }, caller, params.userId),
  stationOfficers: ({ caller, params }) =>
    listStationOfficers({ users: dynamoUserRepository, stations: dynamoStationRepository }, caller, params.stationId),
  appointExpert: ({ caller, body }) => appointExpert({ experts: dynamoExpertRepository }, caller, body),
});
