/**
 * zh-CN strings of the officer's offline queue (待同步: its badge, retry and refusals): the officer's and the
 * training subpackage's pages show it, so they ship with each of them (i18n/queue.ts), never the main package.
 * Placeholders are `{name}`. Keep this module free of Taro imports.
 */
export const queueMessages = {
  'queue.title': '待同步',
  'queue.pending': '{count} 条待同步',
  'queue.pendingHint': '没有网络时登记的咨询、告知、价格和培训报名、签到先存在手机上，联网后按顺序自动补交，每条只记一次。',
  'queue.full': '手机上待同步的已满（{count} 条），请先联网同步，再登记新的。',
  'queue.retry': '立即同步',
  'queue.retrying': '正在同步…',
  'queue.conflictsTitle': '没能补交的（请核对）',
  'queue.conflict': '{label}：{reason}',
  'queue.dismiss': '知道了',
  'queue.kind.consultation': '咨询',
  'queue.kind.informed': '告知',
  'queue.kind.priceReport': '价格上报',
  'queue.kind.signup': '培训报名',
  'queue.kind.checkin': '培训签到',
  'queue.fullError': '待同步已满，请先联网同步',
};
