import { localQrSource } from '../adapters/qr-local';
import { createWeChatQrSource } from '../adapters/qr-wechat';
import { config } from '../config';
import { offsetCursor } from '../data/cursor';
import { takeRateLimitToken } from '../data/rate-limiter';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoSearchIndex } from '../data/search-index-repository';
import { dynamoGeoIndex, dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { dynamoWeChatCodes } from '../data/wechat-codes-repository';
import { listStationChanges, updateStation } from '../domain/stations/station-edit';
import { revealStationPhone } from '../domain/stations/station-phone';
import { stationPoster } from '../domain/stations/station-poster';
import { getStationByCode, getStationById, listStations } from '../domain/stations/station-queries';
import { createHttpHandler, HttpResult } from '../http/pipeline';

const stations = dynamoStationRepository;
const queryDeps = { stations, regions: dynamoRegionRepository, search: dynamoSearchIndex, geo: dynamoGeoIndex, offsetCursor };
const qrSource = () => (config().qrProvider === 'wechat' ? createWeChatQrSource(config().wechat, dynamoWeChatCodes) : localQrSource);

export const handler = createHttpHandler('stations', {
  stationByCode: ({ params }) => getStationByCode(stations, params.code),
  stationById: ({ params }) => getStationById(stations, params.stationId),
  stationList: ({ query }) => listStations(queryDeps, query),
  stationUpdate: ({ caller, params, body }) => updateStation({ stations }, caller, params.stationId, body),
  stationHistory: ({ caller, params, query }) => listStationChanges({ stations, users: dynamoUserRepository }, caller, params.stationId, query),
  stationPhone: ({ caller, params }) => revealStationPhone({ stations, rateLimit: takeRateLimitToken }, caller, params.stationId),
  stationQr: async ({ caller, params, locale }) => {
    const poster = await stationPoster({ stations, qr: qrSource() }, caller, params.stationId, locale);
    return HttpResult.text(200, poster.svg, 'image/svg+xml; charset=utf-8', {
      'content-disposition': `attachment; filename="${poster.fileName}"`,
      'cache-control': 'private, max-age=300',
      vary: 'accept-language',
    });
  },
});
