/**
 * zh-CN strings of the pay link subpackage (packages/paylink: the payer of a remote pay link): only its
 * page imports them (through i18n/paylink.ts), so they ship there, not in the main package. Keys by
 * prefix: paylink. Placeholders are `{name}`. Keep this module free of Taro imports: page configs read it.
 */
export const paylinkMessages = {
  'paylink.navTitle': '代缴付款',
  'paylink.loading': '正在打开付款链接…',
  'paylink.errorTitle': '打不开这个付款链接',
  'paylink.noToken': '链接不完整：请让信息员重新发一次。',
  'paylink.signInTitle': '登录后付款',
  'paylink.signInText': '付款需要用你的微信身份。登录后回到这里。',
  'paylink.signIn': '去登录',
  'paylink.title': '帮家里代缴',
  'paylink.intro': '{village}益农信息社的信息员请你代缴这笔费用。核对无误后用微信支付，钱到了才去缴费。',
  'paylink.bill': '缴费项目',
  'paylink.account': '户号',
  'paylink.holder': '户名',
  'paylink.amount': '金额',
  'paylink.station': '代办站点',
  'paylink.until': '有效到',
  'paylink.pay': '微信支付 {amount}',
  'paylink.waiting': '已提交支付，正在等待微信支付的确认…',
  'paylink.stubTitle': '本地测试支付',
  'paylink.stubHint': '这是本地环境的模拟微信支付，不会扣任何钱。确认后由模拟的微信支付发送签名通知。',
  'paylink.stubConfirm': '确认支付 {amount}',
  'paylink.status.OPEN': '待付款',
  'paylink.status.FUNDED': '已付款，正在缴费…',
  'paylink.status.PAID': '已缴费：谢谢你！账单已经缴上。',
  'paylink.status.BILL_FAILED': '缴费单位拒绝了这笔缴费：钱会原路退回。',
  'paylink.status.EXPIRED': '这个付款链接已过期（24 小时），没有付款。',
  'paylink.sandbox': '演示环境：不是真实缴费',
  'paylink.failed': '没有付成：{reason}',
};
