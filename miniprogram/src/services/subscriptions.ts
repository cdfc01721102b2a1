import Taro from '@tarojs/taro';
import type { SubscriptionsResponse } from '@shared/schemas/notify';
import { request } from './api-client';
import { devLoginEnabled } from './wechat-login';

/** `GET /me/subscriptions`: the templates to ask for and the messages the user still has allowed. */
export function getMySubscriptions(): Promise<SubscriptionsResponse> {
  return request<SubscriptionsResponse>('/me/subscriptions');
}

/** `POST /me/subscriptions`: the template ids the user accepted (404 without a home station or household). */
export function recordSubscriptions(accepted: string[]): Promise<SubscriptionsResponse> {
  return request<SubscriptionsResponse>('/me/subscriptions', { method: 'POST', body: { accepted } });
}

/**
 * How this build asks for subscribe messages: WeChat's dialog in the mini-program; in the local H5
 * build (the dev sign-in's flag, off in builds for deployment) an accept is simulated, so the flow can
 * be tried end to end against the local stack; any other browser build has no such API.
 */
export type SubscribeSupport = 'wechat' | 'simulated' | 'unsupported';
export function subscribeSupport(): SubscribeSupport {
  if (process.env.TARO_ENV === 'weapp') return 'wechat';
  return devLoginEnabled() ? 'simulated' : 'unsupported';
}

/**
 * Shows WeChat's dialog and returns the ids the user accepted (`reject`, `ban` and `filter` are not).
 * WeChat opens it only from a tap: call this first thing in the tap handler, before any await.
 * A dialog refused as a whole (the switch is off in settings) is an empty answer, not an error.
 */
export async function askForSubscriptions(tmplIds: string[], support: SubscribeSupport = subscribeSupport()): Promise<string[]> {
  if (support === 'simulated') return [...tmplIds];
  if (support === 'unsupported' || tmplIds.length === 0) return [];
  try {
    // Taro's Option type insists on `entityIds` (another use of the API); the answer maps each id to accept/reject/ban/filter.
    const answer = (await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, string>;
    return tmplIds.filter((id) => answer[id] === 'accept');
  } catch {
    return [];
  }
}
