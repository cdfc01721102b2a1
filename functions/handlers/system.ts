import { isLocalStage, settings } from '../config';
import { checkTableReachable } from '../data/health-check';
import { buildOpenApiDocument } from '../http/openapi';
import { createHttpHandler, HttpResult } from '../http/pipeline';

let openApiDocument: unknown;

export const handler = createHttpHandler('system', {
  health: async () => {
    await checkTableReachable();
    return { status: 'ok' as const };
  },
  openapi: async () => {
    openApiDocument ??= buildOpenApiDocument({ local: isLocalStage(settings().stage) });
    return new HttpResult(200, openApiDocument, { 'cache-control': 'public, max-age=300' });
  },
});
