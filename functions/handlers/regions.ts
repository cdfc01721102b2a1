import { dynamoAreaTypes } from '../data/area-types-repository';
import { dynamoRegionRepository } from '../data/regions-repository';
import { correctAreaType } from '../domain/regions/area-type';
import { getRegionChildren } from '../domain/regions/region-children';
import { createHttpHandler } from '../http/pipeline';

export const handler = createHttpHandler('regions', {
  regionChildren: ({ params }) => getRegionChildren(dynamoRegionRepository, params.code),
  regionAreaType: ({ caller, params, body }) => correctAreaType({ areaTypes: dynamoAreaTypes }, caller, params.code, body.areaType),
});
