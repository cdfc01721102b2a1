import { handlers } from './handlers';
import { invoke } from './invoke';

type Auth = { auth: Record<string, string> };

export const questionBody = (extra: Record<string, unknown> = {}) => ({
  field: 'crops',
  text: '青稞叶子上有褐色斑点，怎么办？',
  consent: true,
  ...extra,
});

export const ask = (who: Auth, body: Record<string, unknown> = questionBody()) =>
  invoke(handlers.questions, { method: 'POST', path: '/questions', headers: who.auth, body });

export const questionCall = (who: Auth, method: string, path: string, body?: unknown, query?: Record<string, string>) =>
  invoke(handlers.questions, { method, path, headers: who.auth, body, query });

export const setHomeStation = async (who: Auth, stationId: string) => {
  const res = await invoke(handlers.auth, { method: 'PUT', path: '/me/home-station', headers: who.auth, body: { stationId } });
  if (res.status !== 200 && res.status !== 204) throw new Error(`home station: ${res.status} ${res.raw}`);
};
