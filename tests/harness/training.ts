import { handlers } from './handlers';
import { invoke } from './invoke';

type Caller = { auth: Record<string, string> };
const MINUTE = 60_000;

/** A session body starting `startsInMinutes` from now (10: its QR code already checks people in), lasting 2 hours. */
export const sessionBody = (stationId: string, extra: Record<string, unknown> = {}, startsInMinutes = 10) => ({
  stationId,
  title: '手机上网课',
  topic: 'phone_skills',
  trainer: '李老师',
  startsAt: new Date(Date.now() + startsInMinutes * MINUTE).toISOString(),
  endsAt: new Date(Date.now() + (startsInMinutes + 120) * MINUTE).toISOString(),
  capacity: 30,
  ...extra,
});

export const trainingCall = (caller: Caller, method: string, path: string, body?: unknown, query?: Record<string, string>) =>
  invoke(handlers.training, { method, path, headers: caller.auth, body, query });

/** A scheduled session's id (by the station's officer or an admin over it). */
export async function scheduleSession(
  officer: Caller,
  stationId: string,
  extra: Record<string, unknown> = {},
  startsInMinutes = 10,
): Promise<string> {
  const res = await trainingCall(officer, 'POST', '/trainings', sessionBody(stationId, extra, startsInMinutes));
  if (res.status !== 201) throw new Error(`schedule: ${res.status} ${res.raw}`);
  return res.json.id;
}

/** The token its QR code carries (from the officer's attendance view). */
export async function checkinTokenOf(officer: Caller, trainingId: string): Promise<string> {
  const res = await trainingCall(officer, 'GET', `/trainings/${trainingId}/attendance`);
  if (res.status !== 200) throw new Error(`attendance: ${res.status} ${res.raw}`);
  return String(res.json.qr.text).split(':').pop()!;
}
