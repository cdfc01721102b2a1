/**
 * The one HTTP pipeline. Every Lambda is `createHttpHandler(functionName, handlers)`; the checks run
 * in the contract's order and the first failure answers:
 *
 *   ready? -> route? -> 413 size -> 415 media type -> 400 JSON -> 401 token -> 403 role -> 400 schema -> handler
 *   (500/503) (404)                                                                                   (404, 409...)
 *
 * Handlers receive parsed, typed input and return the response body; they never see API Gateway.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import {
  ERROR_STATUS,
  idempotencyKey as idempotencyKeySchema,
  localeFromAcceptLanguage,
  type Locale,
  routeList,
  routes,
  type ErrorDetail,
  type FunctionName,
  type RouteDef,
  type RouteName,
} from '../../shared';
import { authenticate } from '../auth/authenticate';
import type { Caller } from '../auth/caller';
import { ensureReady, StartupRefusedError } from '../config/ready';
import { AppError } from '../domain/errors';
import { serverText } from '../i18n';
import { requestHashOf, runOnce, type IdempotencyStore } from '../domain/idempotency';
import { isDependencyUnavailable } from './dependency-errors';
import { isJsonContentType, MAX_BODY_BYTES, parseJsonBody } from './json-body';
import { createLogger, type Logger } from '../logging/logger';
import { matchRoute } from './router';

z.config(en());

type Infer<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RequestContext<R extends RouteDef> {
  params: Infer<R['params']>;
  query: Infer<R['query']>;
  body: Infer<R['body']>;
  /** null only on public routes. */
  caller: R['access'] extends 'public' ? Caller | null : Caller;
  headers: Record<string, string | undefined>;
  /** The body exactly as received, on `rawBody` routes only (a provider's signed callback); undefined elsewhere. */
  rawBody: string | undefined;
  /** The validated `Idempotency-Key` of an `idempotent` route (present on those), or of a `queueable` one when sent; undefined elsewhere. */
  idempotencyKey: R['idempotent'] extends true ? string : undefined;
  /** The client's address as API Gateway saw it (rate limits). */
  sourceIp: string;
  /** The request's language (`Accept-Language`: bo / bo-CN -> bo, else zh-CN), for texts the domain writes. */
  locale: Locale;
  requestId: string;
  log: Logger;
}

/** Returned instead of a plain body when a handler needs another status or headers. */
export class HttpResult {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** Send `body` as is (a string of another media type, named in the content-type header). */
    readonly raw = false,
  ) {}

  static text(status: number, body: string, contentType: string, headers: Record<string, string> = {}) {
    return new HttpResult(status, body, { 'content-type': contentType, ...headers }, true);
  }
}

type ResponseOf<R extends RouteDef> = Infer<R['response']>;
export type RouteHandler<R extends RouteDef> = (ctx: RequestContext<R>) => Promise<ResponseOf<R> | HttpResult>;

type Routes = typeof routes;
type RoutesOf<F extends FunctionName> = { [K in RouteName as Routes[K]['function'] extends F ? K : never]: Routes[K] };
export type HandlersOf<F extends FunctionName> = {
  [K in keyof RoutesOf<F>]: RoutesOf<F>[K] extends RouteDef ? RouteHandler<RoutesOf<F>[K]> : never;
};

/** The routes of F the pipeline itself answers a replay for: `queueable` without `idempotent` (whose domain takes the key). */
type ReplayedRoutesOf<F extends FunctionName> = {
  [K in keyof RoutesOf<F>]: RoutesOf<F>[K] extends { queueable: true } ? (RoutesOf<F>[K] extends { idempotent: true } ? never : K) : never;
}[keyof RoutesOf<F>];

/**
 * What the pipeline itself stores, handed over by the handler file like a domain's repositories
 * (functions/data implements them): the first answers of the queueable routes a replay gets again.
 */
export interface PipelineDeps {
  replays: IdempotencyStore;
}
/** Deps before handlers, as domain functions take theirs: a function with a replayed route must give its store (the compiler asks). */
type PipelineArgs<F extends FunctionName> = [ReplayedRoutesOf<F>] extends [never]
  ? [handlers: HandlersOf<F>]
  : [deps: PipelineDeps, handlers: HandlersOf<F>];

type LambdaResult = APIGatewayProxyStructuredResultV2 & { statusCode: number; headers: Record<string, string>; body: string };

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

export function createHttpHandler<F extends FunctionName>(functionName: F, ...args: PipelineArgs<F>) {
  const [deps, handlers] = (args.length === 2 ? args : [undefined, args[0]]) as [PipelineDeps | undefined, HandlersOf<F>];
  const table = handlers as unknown as Record<string, RouteHandler<RouteDef>>;
  const replays = deps?.replays;
  // The compiler asks for the store; refusing at cold start too keeps a cast from turning it into 500s.
  const replayed = routeList.filter((route) => route.function === functionName && route.queueable && !route.idempotent);
  if (replayed.length > 0 && !replays) {
    throw new Error(`createHttpHandler('${functionName}'): give the pipeline an idempotency store for ${replayed.map((r) => r.name).join(', ')}`);
  }
  return async (event: APIGatewayProxyEventV2): Promise<LambdaResult> => {
    // Our own id for every request (serverless-offline reuses one placeholder id); API Gateway's is logged beside it.
    const requestId = randomUUID();
    const method = (event.requestContext?.http?.method ?? 'GET').toUpperCase();
    const path = event.rawPath ?? '/';
    const started = Date.now();
    // A pay link's token is its only credential: the logs name the route, never the token.
    const loggedPath = path.replace(/(\/pay-links\/)[^/?]+/, '$1<token>');
    const log = createLogger({ requestId, gatewayRequestId: event.requestContext?.requestId, method, path: loggedPath, function: functionName });
    let routeName: string | undefined;
    let result: LambdaResult;
    // Read before anything can fail: every error answers in the caller's language too.
    const locale = localeFromAcceptLanguage(lowerCaseHeaders(event.headers)['accept-language']);
    try {
      // Settings, secrets and the deployment checks, once per cold start: a refused function answers nothing else.
      await ensureReady(log);
      const matched = matchRoute(method, path);
      // A route served by another function is as unknown here as a route that does not exist.
      if (!matched || matched.route.function !== functionName) {
        throw new AppError('NOT_FOUND', `No route ${method} ${path}`);
      }
      routeName = matched.route.name;
      const headers = lowerCaseHeaders(event.headers);
      // A provider's callback is verified over its exact bytes: handed over as received, never parsed here.
      const rawBody = matched.route.rawBody ? readRawBody(event) : undefined;
      const body = matched.route.rawBody ? undefined : readBody(event, headers);
      const caller =
        matched.route.access !== 'public'
          ? await authorise(matched.route, headers.authorization)
          : matched.route.callerOptional && headers.authorization
            ? await authenticate(headers.authorization)
            : null;
      const input = validateRequest(matched.route, {
        params: matched.params,
        query: event.queryStringParameters ?? {},
        body,
        idempotencyKey: headers['idempotency-key'],
      });
      const ctx: RequestContext<RouteDef> = {
        ...input,
        caller: caller as Caller,
        headers,
        rawBody,
        sourceIp: event.requestContext?.http?.sourceIp ?? 'unknown',
        locale,
        requestId,
        log,
      };
      const route = matched.route;
      const run = async () => {
        const output = await table[route.name](ctx);
        return output instanceof HttpResult ? output : new HttpResult(route.successStatus ?? 200, output);
      };
      // A queueable route whose domain does not take the key answers a replay with its first answer.
      const answer =
        route.queueable && !route.idempotent && ctx.idempotencyKey !== undefined
          ? await replayable(
              replays as IdempotencyStore,
              route,
              { callerId: ctx.caller.userId, key: ctx.idempotencyKey, input: { params: ctx.params, query: ctx.query, body: ctx.body } },
              run,
            )
          : await run();
      result = respond(answer.status, answer.body, requestId, answer.headers, answer.raw);
    } catch (error) {
      result = errorResponse(error, requestId, log, locale);
      // Provider webhooks answer in the provider's own format (WeChat Pay: {"code":"FAIL","message"}).
      if (routeName !== undefined && (routes[routeName as RouteName] as RouteDef).errorFormat === 'wechatpay') {
        result = { ...result, body: JSON.stringify({ code: 'FAIL', message: result.statusCode >= 500 ? 'retry later' : 'rejected' }) };
      }
    }
    log.info('request', { route: routeName ?? null, status: result.statusCode, durationMs: Date.now() - started });
    return result;
  };
}

/** The first answer of (caller, key), stored with the request's hash: the same key with another request is a 422. */
async function replayable(
  store: IdempotencyStore,
  route: RouteDef & { name: string },
  request: { callerId: string; key: string; input: { params: unknown; query: unknown; body: unknown } },
  run: () => Promise<HttpResult>,
): Promise<HttpResult> {
  const { params = null, query = null, body = null } = request.input;
  const requestHash = requestHashOf(route.name, { params, query, body });
  const stored = await runOnce(store, { callerId: request.callerId, key: request.key, requestHash }, async () => {
    const answer = await run();
    return { status: answer.status, body: answer.body };
  });
  return new HttpResult(stored.status, stored.body);
}

function lowerCaseHeaders(headers: APIGatewayProxyEventV2['headers'] | undefined) {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

/** A body as received (413 over the limit), for routes that verify its bytes themselves. */
function readRawBody(event: APIGatewayProxyEventV2): string {
  const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64') : Buffer.from(event.body ?? '', 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', `The body is ${raw.byteLength} bytes; the limit is ${MAX_BODY_BYTES}`);
  return raw.toString('utf8');
}

/** 413, 415 and 400 INVALID_JSON, in that order. Returns undefined when there is no body. */
function readBody(event: APIGatewayProxyEventV2, headers: Record<string, string | undefined>): unknown {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (raw.byteLength > MAX_BODY_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `The body is ${raw.byteLength} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  if (!isJsonContentType(headers['content-type'])) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
  }
  return parseJsonBody(raw.toString('utf8'));
}

async function authorise(route: RouteDef, authorization: string | undefined): Promise<Caller> {
  const caller = await authenticate(authorization);
  if (route.access !== 'public' && !route.access.includes(caller.role)) {
    throw new AppError('FORBIDDEN', 'Your role may not use this route');
  }
  return caller;
}

/**
 * The `Idempotency-Key` header: required on money-moving (`idempotent`) routes; taken when sent on
 * `queueable` ones (the offline queue always sends one); ignored elsewhere.
 */
export function readIdempotencyKey(route: RouteDef, raw: string | undefined): { key?: string; problem?: ErrorDetail } {
  if (!route.idempotent && !(route.queueable && raw !== undefined)) return {};
  if (raw === undefined) return { problem: { path: 'headers.idempotency-key', message: 'is required: this route moves money', code: 'missing' } };
  if (z.safeParse(idempotencyKeySchema, raw).success) return { key: raw };
  return { problem: { path: 'headers.idempotency-key', message: 'must be 1-64 letters, digits, _ or -', code: 'invalid_format' } };
}

/** Parses params, query and body with the route's schemas; one 400 names every failing field. */
function validateRequest(route: RouteDef, raw: { params: unknown; query: unknown; body: unknown; idempotencyKey: string | undefined }) {
  const details: ErrorDetail[] = [];
  const parse = (schema: z.ZodMiniType | undefined, input: unknown, location: string) => {
    if (!schema) return undefined;
    const parsed = z.safeParse(schema, input);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const base = [location, ...issue.path.map(String)].join('.');
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) details.push({ path: `${base}.${key}`, message: 'is not an allowed field', code: 'unrecognized_key' });
      } else {
        details.push({ path: base, message: issue.message, code: issue.code });
      }
    }
    return undefined;
  };
  const params = parse(route.params, raw.params, 'params');
  const query = parse(route.query, raw.query, 'query');
  const body = parse(route.body, raw.body, 'body');
  if (!route.body && raw.body !== undefined)
    details.push({ path: 'body', message: 'must be empty: this route takes no body', code: 'unexpected_body' });
  const { key: idempotencyKey, problem } = readIdempotencyKey(route, raw.idempotencyKey);
  if (problem) details.push(problem);
  if (details.length === 1 && details[0].path === 'headers.idempotency-key' && details[0].code === 'missing') {
    throw new AppError('IDEMPOTENCY_KEY_MISSING', 'Send an Idempotency-Key header: one key per payment attempt, reused when retrying it', details);
  }
  if (details.length) {
    throw new AppError('VALIDATION_FAILED', `Invalid request. ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details);
  }
  return { params, query, body, idempotencyKey } as Pick<RequestContext<RouteDef>, 'params' | 'query' | 'body' | 'idempotencyKey'>;
}

function respond(status: number, body: unknown, requestId: string, headers: Record<string, string> = {}, raw = false): LambdaResult {
  return {
    statusCode: status,
    headers: { ...JSON_HEADERS, 'x-request-id': requestId, ...headers },
    body: status === 204 ? '' : raw ? String(body) : JSON.stringify(body),
  };
}

/**
 * The one error shape. `message` is the server catalogue's text for the code in the caller's language
 * (the English reason an AppError carries is for the log of a 5xx); `details` name the failing fields.
 */
function errorResponse(error: unknown, requestId: string, log: Logger, locale: Locale): LambdaResult {
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.code];
    const headers: Record<string, string> = error.retryAfterSeconds ? { 'retry-after': String(error.retryAfterSeconds) } : {};
    if (status >= 500) log.error('request failed', { code: error.code, error: describe(error) });
    return respond(
      status,
      {
        error: {
          code: error.code,
          message: serverText(locale, `error.${error.code}`),
          ...(error.details ? { details: error.details } : {}),
          requestId,
        },
      },
      requestId,
      headers,
    );
  }
  if (isDependencyUnavailable(error)) {
    log.error('dependency unavailable', { error: describe(error) });
    return respond(
      503,
      { error: { code: 'DEPENDENCY_UNAVAILABLE', message: serverText(locale, 'error.DEPENDENCY_UNAVAILABLE'), requestId } },
      requestId,
      { 'retry-after': '2' },
    );
  }
  // Internals stay in the log; the caller gets a generic message and the id to quote.
  if (error instanceof StartupRefusedError) log.error('startup refused', { problems: error.problems });
  else log.error('unhandled error', { error: describe(error) });
  return respond(500, { error: { code: 'INTERNAL', message: serverText(locale, 'error.INTERNAL'), requestId } }, requestId);
}

function describe(error: unknown) {
  return error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
}
