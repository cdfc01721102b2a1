/**
 * A stand-in for the station routes of the API, for running the e2e test and looking at the H5 build
 * without the full stack (DynamoDB Local + serverless-offline). Real division data, contract shapes.
 *
 *   tsx tests/e2e/fake-api.ts   -> listens on FAKE_API_PORT (default 3000)
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { StationProfile } from '../../shared/schemas/stations';

/** 加拉确什滩村 (河卡镇, 兴海县): the longest village name among Qinghai's stations, to stress wrapping. */
export const FAKE_STATION: StationProfile = {
  id: 'st632524101209',
  code: '632524101209',
  villageName: '加拉确什滩村',
  villageOfficialName: '加拉确什滩村民委员会',
  villageCode: '632524101209',
  villageKind: 'village',
  type: 'standard',
  regionChain: [
    { code: '63', name: '青海省', level: 'province' },
    { code: '6325', name: '海南藏族自治州', level: 'prefecture' },
    { code: '632524', name: '兴海县', level: 'county' },
    { code: '632524101', name: '河卡镇', level: 'township' },
  ],
  services: [
    { key: 'information', available: true },
    { key: 'convenience', available: true },
    { key: 'ecommerce', available: false },
    { key: 'training', available: true },
  ],
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message, requestId: randomUUID() } });
}

export async function startFakeApi(port = 0, stations: StationProfile[] = [FAKE_STATION]) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && pathname === '/health') return send(res, 200, { status: 'ok' });
    const byCode = /^\/stations\/by-code\/([^/]*)$/.exec(pathname);
    if (req.method === 'GET' && byCode) {
      const code = decodeURIComponent(byCode[1]);
      if (!/^[0-9A-Za-z]{1,32}$/.test(code)) return sendError(res, 400, 'VALIDATION_FAILED', 'Invalid station code');
      const station = stations.find((s) => s.code.toLowerCase() === code.toLowerCase());
      return station ? send(res, 200, station) : sendError(res, 404, 'NOT_FOUND', 'Station not found');
    }
    return sendError(res, 404, 'NOT_FOUND', 'Route not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${actual}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (typeof require !== 'undefined' && require.main === module) {
  void startFakeApi(Number(process.env.FAKE_API_PORT ?? 3000)).then((api) => console.log(`fake API ${api.url}`));
}
