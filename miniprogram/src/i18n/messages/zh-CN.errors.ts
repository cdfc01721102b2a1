import type { ErrorTextCode, MainErrorCode } from './zh-CN';

/**
 * zh-CN texts of the error codes only subpackage pages meet (payments, orders, training, uploads,
 * idempotent writes...): i18n/errors.ts adds them for every subpackage's i18n entry, so they ship with the
 * subpackages, not in the main package. Complete by type with zh-CN.ts's `errors`: every code of
 * shared/errors.ts and the client-only ones has a text in one of them.
 */
export type SubpackageErrorCode = Exclude<ErrorTextCode, MainErrorCode>;

export const subpackageErrors: Record<SubpackageErrorCode, string> = {
  PAYLOAD_TOO_LARGE: '提交的内容太多了，请精简后再试。',
  UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不受支持。',
  INVALID_JSON: '提交的内容格式有误。',
  IDEMPOTENCY_KEY_MISSING: '提交缺少防重复标识，请重新提交。',
  CONFLICT: '内容已被他人修改，请刷新后再试。',
  OUT_OF_STOCK: '库存不足。',
  DAY_CLOSED: '当天的账已经结清，不能再修改。',
  IDEMPOTENCY_IN_PROGRESS: '上一次提交还在处理中，请稍候。',
  TRAINING_FULL: '名额已满。',
  CHECKIN_CLOSED: '不在签到时间内。',
  IDEMPOTENCY_KEY_REUSED: '这次提交和上一次的内容不一致，请重新提交。',
  INVALID_IMAGE: '图片无法使用（只支持 JPG、PNG、WebP），请换一张。',
  LIMIT_EXCEEDED: '已超出限额。',
  PROVIDER_NOT_CONFIGURED: '代缴服务暂未开通：还没有接入缴费单位。',
  WECHAT_LOGIN_FAILED: '微信登录没有成功，请稍后再试。',
};
