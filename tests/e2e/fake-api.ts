/**
 * A stand-in for the station and account routes of the API, for running the e2e tests and looking at
 * the H5 build without the full stack (DynamoDB Local + serverless-offline). Real division data,
 * contract shapes. Accounts: the dev login only (`dev:<openid>`), demo accounts `admin-qinghai`
 * (province admin of 63) and `villager-demo`, tokens `fake.<userId>` valid for a day.
 *
 *   tsx tests/e2e/fake-api.ts   -> listens on FAKE_API_PORT (default 3000)
 */
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../shared/roles';
import type { MeResponse, UserProfile } from '../../shared/schemas/accounts';
import type { StationProfile } from '../../shared/schemas/stations';

/** 加拉确什滩村 (河卡镇, 兴海县): the longest village name among Qinghai's stations, to stress wrapping. */
export const FAKE_STATION: StationProfile = {
  id: 'st632524101209',
  code: '632524101209',
  villageName: '加拉确什滩村',
  villageOfficialName: '加拉确什滩村民委员会',
  villageCode: '632524101209',
  villageKind: 'village',
  areaType: 'farming',
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
  capabilities: { billPayment: true, cashWithdrawal: true, parcelPickup: false, produceSelling: false, training: true },
  openingHours: [{ days: [1, 2, 3, 4, 5, 6], open: '09:00', close: '18:00' }],
  openNow: null,
  location: null,
  officerName: null,
  phoneMasked: null,
};

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

function sendError(res: http.ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message, requestId: randomUUID() } });
}

interface FakeUser {
  id: string;
  openid: string;
  role: Role;
  name?: string;
  regionCode?: string;
  stationId?: string;
}

const REGIONS: Record<string, { name: string; level: string }> = { '63': { name: '青海省', level: 'province' } };
const ADMIN_ROLES: readonly Role[] = ['county_admin', 'prefecture_admin', 'province_admin'];
const DEV_CODE = /^dev:([A-Za-z0-9_-]{1,64})$/;

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      try {
        resolve(text ? JSON.parse(text) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

/** The accounts of the fake: what the real routes answer for the cases the UI meets. */
function fakeAccounts(stations: StationProfile[]) {
  const users = new Map<string, FakeUser>();
  let next = 1;
  const add = (user: Omit<FakeUser, 'id'>) => {
    const created = { id: `ufake${String(next++).padStart(4, '0')}`, ...user };
    users.set(created.id, created);
    return created;
  };
  add({ openid: 'admin-qinghai', role: 'province_admin', name: '青海省管理员', regionCode: '63' });
  add({ openid: 'villager-demo', role: 'villager', name: '示范村民' });

  const profile = ({ id, role, name, regionCode, stationId }: FakeUser): UserProfile => ({
    id,
    role,
    ...(stationId ? { stationId } : {}),
    ...(regionCode ? { regionCode } : {}),
    ...(name ? { name } : {}),
  });
  const caller = (req: http.IncomingMessage) => {
    const match = /^Bearer fake\.(\w+)$/.exec(req.headers.authorization ?? '');
    return match ? users.get(match[1]) : undefined;
  };
  const accountCodes = new Map<string, string>();
  const stationOf = (id: string | undefined) => stations.find((station) => station.id === id);
  const inRegion = (station: StationProfile | undefined, admin: FakeUser) =>
    station !== undefined && admin.regionCode !== undefined && station.villageCode.startsWith(admin.regionCode);

  return async (req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<boolean> => {
    if (req.method === 'POST' && pathname === '/auth/login') {
      const body = (await readJson(req)) as { code?: unknown } | undefined;
      if (typeof body?.code !== 'string') {
        sendError(res, 400, 'VALIDATION_FAILED', 'code is required');
        return true;
      }
      const dev = DEV_CODE.exec(body.code);
      if (!dev) {
        sendError(res, 401, 'UNAUTHENTICATED', 'Unknown login code');
        return true;
      }
      const user = [...users.values()].find((u) => u.openid === dev[1]) ?? add({ openid: dev[1], role: 'villager' });
      send(res, 200, { token: `fake.${user.id}`, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), user: profile(user) });
      return true;
    }
    const isAccountRoute =
      pathname === '/me' || pathname === '/me/account-code' || pathname.startsWith('/admin/') || /^\/stations\/[^/]+\/officers$/.test(pathname);
    if (!isAccountRoute) return false;
    const me = caller(req);
    if (!me) {
      sendError(res, 401, 'UNAUTHENTICATED', 'Sign in first');
      return true;
    }
    if (req.method === 'GET' && pathname === '/me') {
      const station = stationOf(me.stationId);
      const region = me.regionCode ? REGIONS[me.regionCode] : undefined;
      const answer: MeResponse = {
        user: profile(me),
        ...(station
          ? { station: { id: station.id, code: station.code, villageName: station.villageName, regionNames: station.regionChain.map((r) => r.name) } }
          : {}),
        ...(region && me.regionCode ? { region: { code: me.regionCode, ...region } } : {}),
      };
      send(res, 200, answer);
      return true;
    }
    if (req.method === 'POST' && pathname === '/me/account-code') {
      const code = String(10_000_000 + accountCodes.size);
      accountCodes.set(code, me.id);
      // A 1x1 SVG stands in for the QR code the real server draws.
      const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><rect width="1" height="1"/></svg>';
      const qrImage = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
      send(res, 201, { code, expiresAt: new Date(Date.now() + 600_000).toISOString(), qrImage });
      return true;
    }
    if (!ADMIN_ROLES.includes(me.role)) {
      sendError(res, 403, 'FORBIDDEN', 'Admins only');
      return true;
    }
    if (req.method === 'POST' && pathname === '/admin/officers') {
      const body = (await readJson(req)) as { stationId?: string; userId?: string; accountCode?: string } | undefined;
      const station = stationOf(body?.stationId);
      const userId = body?.accountCode ? accountCodes.get(body.accountCode) : body?.userId;
      if (body?.accountCode) accountCodes.delete(body.accountCode);
      const user = userId ? users.get(userId) : undefined;
      if (!inRegion(station, me) || !user) sendError(res, 404, 'NOT_FOUND', 'Station or user not found');
      else if (ADMIN_ROLES.includes(user.role) || user.role === 'expert') sendError(res, 409, 'CONFLICT', 'Cannot appoint this user');
      else {
        Object.assign(user, { role: 'officer', stationId: station!.id });
        send(res, 200, { user: profile(user) });
      }
      return true;
    }
    const removal = /^\/admin\/officers\/([^/]+)$/.exec(pathname);
    if (req.method === 'DELETE' && removal) {
      const user = users.get(decodeURIComponent(removal[1]));
      if (!user || user.role !== 'officer' || !inRegion(stationOf(user.stationId), me)) sendError(res, 404, 'NOT_FOUND', 'Officer not found');
      else {
        user.role = 'villager';
        delete user.stationId;
        send(res, 200, { user: profile(user) });
      }
      return true;
    }
    const officers = /^\/stations\/([^/]+)\/officers$/.exec(pathname);
    if (req.method === 'GET' && officers) {
      const station = stationOf(decodeURIComponent(officers[1]));
      if (!inRegion(station, me)) sendError(res, 404, 'NOT_FOUND', 'Station not found');
      else {
        const items = [...users.values()]
          .filter((u) => u.role === 'officer' && u.stationId === station!.id)
          .map((u) => ({ id: u.id, ...(u.name ? { name: u.name } : {}) }));
        send(res, 200, { items, nextCursor: null });
      }
      return true;
    }
    sendError(res, 404, 'NOT_FOUND', 'Route not found');
    return true;
  };
}

export async function startFakeApi(port = 0, stations: StationProfile[] = [FAKE_STATION]) {
  const accounts = fakeAccounts(stations);
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && pathname === '/health') return send(res, 200, { status: 'ok' });
    void accounts(req, res, pathname).then((handled) => {
      if (handled) return;
      const byCode = /^\/stations\/by-code\/([^/]*)$/.exec(pathname);
      if (req.method === 'GET' && byCode) {
        const code = decodeURIComponent(byCode[1]);
        if (!/^[0-9A-Za-z]{1,32}$/.test(code)) return sendError(res, 400, 'VALIDATION_FAILED', 'Invalid station code');
        const station = stations.find((s) => s.code.toLowerCase() === code.toLowerCase());
        return station ? send(res, 200, station) : sendError(res, 404, 'NOT_FOUND', 'Station not found');
      }
      return sendError(res, 404, 'NOT_FOUND', 'Route not found');
    });
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
