import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { getStationByCode, getStationById, listStationsInRegion } from '../domain/stations/station-queries';
import { createHttpHandler } from '../http/pipeline';

export const handler = createHttpHandler('stations', {
  stationByCode: ({ params }) => getStationByCode(dynamoStationRepository, params.code),
  stationById: ({ params }) => getStationById(dynamoStationRepository, params.stationId),
  stationList: ({ query }) => listStationsInRegion(dynamoStationRepository, dynamoRegionRepository, query),
});
