/**
 * zh-CN strings of the subscription prompt (components/subscribe-prompt: alerts, and the answer to a
 * question): only the feed and ask pages that place it import them (through i18n/notify.ts), so they
 * ship with those subpackages, not in the main package. Keys: notify.*. Keep this module free of Taro imports.
 */
export const notifyMessages = {
  'notify.title': '预警提醒',
  'notify.intro': '暴雪、疫情等预警发布时，通过微信服务通知提醒您。每同意一次，可收到一条提醒。',
  'notify.remaining': '还可收到 {count} 条提醒',
  'notify.none': '现在不会收到提醒',
  'notify.subscribe': '接收预警提醒',
  'notify.subscribeMore': '再接收一条',
  'notify.full': '提醒已存满 {cap} 条',
  'notify.accepted': '已开启：下一条预警会通过微信通知您',
  'notify.declined': '未开启提醒。如需开启，可在小程序右上角“…”→“设置”中打开订阅消息',
  'notify.failed': '没能记录您的选择，请稍后再试',
  'notify.simulated': '演示环境：已模拟“允许”，不会真正发送微信通知',
  'notify.answer.title': '回答提醒',
  'notify.answer.intro': '专家回答您的问题后，通过微信服务通知提醒您。每同意一次，可收到一条提醒。',
  'notify.answer.subscribe': '专家回答时提醒我',
  'notify.answer.accepted': '已开启：专家回答后会通过微信通知您',
} as const;
