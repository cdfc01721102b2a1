import * as z from 'zod/mini';
import { routeList, type RouteDef } from '../../shared/routes';
import { ErrorBody } from '../../shared/schemas/common';

/**
 * The OpenAPI 3.1 document, derived from the route table (never written by hand). `devOnly` routes are in it
 * for a local stage only: a deployed API has no such route (scripts/lib/dev-only-routes.cjs).
 */
export function buildOpenApiDocument(stage: { local: boolean }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeList) {
    if (route.devOnly && !stage.local) continue;
    paths[route.path] ??= {};
    paths[route.path][route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Yinong 益农信息社 API',
      version: '0.1.0',
      description: 'HTTP API of the Qinghai village information stations. Money is integer fen; errors share one shape.',
    },
    components: {
      schemas: { Error: jsonSchema(ErrorBody, 'output') },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths,
  };
}

function operation(route: RouteDef & { name: string }) {
  const parameters = [
    ...objectParameters(route.params, 'path'),
    ...objectParameters(route.query, 'query'),
    ...(route.idempotent || route.queueable
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: route.idempotent === true,
            description:
              'One key per attempt, reused for its retries; scoped to the caller. Same key and body: the first response again; same key, another body: 422.' +
              (route.queueable ? ' The officer offline queue replays this route with it.' : ''),
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          },
        ]
      : []),
  ];
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.access === 'public' ? { security: [] } : { security: [{ bearer: [] }], 'x-roles': route.access }),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses: {
      [String(route.successStatus ?? 200)]: {
        description: 'Success',
        content: { [route.responseMediaType ?? 'application/json']: route.responseMediaType ? {} : { schema: jsonSchema(route.response, 'output') } },
      },
      '4XX': errorResponse,
      '5XX': errorResponse,
    },
  };
}

function objectParameters(schema: z.ZodMiniType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output') {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
  return rest;
}
