import { qrSvgDataUri } from '../adapters/qr-image';
import { wechatGateway } from '../adapters/wechat-gateway';
import { issueToken } from '../auth/tokens';
import { config } from '../config';
import { dynamoAccountCodeRepository } from '../data/account-codes-repository';
import { takeRateLimitToken } from '../data/rate-limiter';
import { dynamoRegionRepository } from '../data/regions-repository';
import { dynamoStationRepository } from '../data/stations-repository';
import { dynamoUserRepository } from '../data/users-repository';
import { issueAccountCode } from '../domain/accounts/account-code';
import { login } from '../domain/accounts/login';
import { getMe } from '../domain/accounts/me';
import { setHomeStation } from '../domain/accounts/home-station';
import { setLanguage } from '../domain/accounts/language';
import { createHttpHandler } from '../http/pipeline';

const tokens = {
  issue: (userId: string) => issueToken(userId, config().tokenSecret, config().tokenTtlSeconds),
};

const accountDeps = { users: dynamoUserRepository, stations: dynamoStationRepository, regions: dynamoRegionRepository };

export const handler = createHttpHandler('auth', {
  login: async ({ body, sourceIp }) => {
    await takeRateLimitToken(`login#${sourceIp}`, config().loginRateLimitPerMinute, 60);
    return login({ wechat: wechatGateway(), users: dynamoUserRepository, tokens }, body.code);
  },
  me: ({ caller }) => getMe(accountDeps, caller),
  homeStation: ({ caller, body }) => setHomeStation(accountDeps, caller, body.stationId),
  myLanguage: ({ caller, body }) => setLanguage(accountDeps, caller, body),
  accountCode: ({ caller }) =>
    issueAccountCode({ accountCodes: dynamoAccountCodeRepository, rateLimiter: takeRateLimitToken, qrImage: qrSvgDataUri }, caller),
});
