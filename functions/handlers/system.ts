import { isLocalStage, settings } from '../config';
import { checkTableReachable } from '../data/health-check';
import { createHttpHandler, HttpResult } from '../http/pipeline';

let openApiDocument: unknown;

export const handler = createHttpHandler('system', {
  health: async () => {
    await checkTableReachable();
    return { status: 'ok' as const };
  },
  openapi: async () => {
    // Loaded on the first request for it: the document builds every route's schemas, which the health check
    // (the function's other route) and its cold start have no use for (scripts/lib/esbuild-plugins.cjs).
    const { buildOpenApiDocument } = await import('../http/openapi');
    openApiDocument ??= buildOpenApiDocument({ local: isLocalStage(settings().stage) });
    return new HttpResult(200, openApiDocument, { 'cache-control': 'public, max-age=300' });
  },
});
