import { dynamoRegionRepository } from '../data/regions-repository';
import { getRegionChildren } from '../domain/regions/region-children';
import { createHttpHandler } from '../http/pipeline';

export const handler = createHttpHandler('regions', {
  regionChildren: ({ params }) => getRegionChildren(dynamoRegionRepository, params.code),
});
