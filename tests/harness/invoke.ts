import type { APIGatewayProxyEventV2 } from 'aws-lambda';

export type Handler = (event: APIGatewayProxyEventV2) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>;

export interface InvokeRequest {
  method?: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else is JSON-encoded with a JSON content type. */
  body?: unknown;
  /** The client address API Gateway would report (rate limits key on it). */
  sourceIp?: string;
}

/** Calls a real Lambda handler in-process with an API Gateway HTTP API (payload 2.0) event. */
export async function invoke(
  handler: Handler,
  request: InvokeRequest,
): Promise<{ status: number; headers: Record<string, string>; json: any; raw: string }> {
  const headers: Record<string, string> = { ...request.headers };
  let body: string | undefined;
  if (typeof request.body === 'string') body = request.body;
  else if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] ??= 'application/json';
  }
  const method = request.method ?? 'GET';
  const event = {
    version: '2.0',
    routeKey: '$default',
    rawPath: request.path,
    rawQueryString: new URLSearchParams(request.query ?? {}).toString(),
    headers,
    queryStringParameters: request.query,
    body,
    isBase64Encoded: false,
    requestContext: { requestId: 'test-request', http: { method, path: request.path, sourceIp: request.sourceIp ?? '203.0.113.1' } },
  } as unknown as APIGatewayProxyEventV2;
  const response = await handler(event);
  const isJson = /json/.test(response.headers['content-type'] ?? '');
  return {
    status: response.statusCode,
    headers: response.headers,
    json: response.body && isJson ? JSON.parse(response.body) : undefined,
    raw: response.body,
  };
}
