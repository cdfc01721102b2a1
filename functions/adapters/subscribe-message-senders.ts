import { config, isLocalStage } from '../config';
import type { SubscribeMessageSender } from '../domain/notify/subscribe-message';
import { localSubscribeMessageSender } from './local-subscribe-message';
import { createWeChatSubscribeMessageSender } from './wechat-subscribe-message';

/**
 * Local and test stages record what they would send; deployed stages send through WeChat with the
 * app's id and secret from the stage's secrets (SSM), the way sign-in reaches code2Session.
 */
export function subscribeMessageSender(): SubscribeMessageSender {
  const { stage, wechat } = config();
  return isLocalStage(stage) ? localSubscribeMessageSender : createWeChatSubscribeMessageSender(wechat);
}
