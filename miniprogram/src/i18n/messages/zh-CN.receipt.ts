/**
 * zh-CN strings of the receipt subpackage (villagers and officers open a receipt): only those pages import them (through i18n/receipt.ts), so they
 * ship in those subpackages, not in the main package. Keys by prefix: receipt.
 * (receipt.navTitle and receipt.signIn stay in zh-CN.ts: the shared role gate shows them.)
 * Placeholders are `{name}`. Keep this module free of Taro imports: page configs read it at build time.
 */
export const receiptMessages = {
  'receipt.title': '益农信息社代缴凭条',
  'receipt.loading': '正在加载凭条…',
  'receipt.errorTitle': '凭条加载失败',
  'receipt.missing': '没有指定凭条。',
  'receipt.no': '凭条号',
  'receipt.station': '服务站',
  'receipt.stationValue': '{village}益农信息社（{code}）',
  'receipt.officer': '经办信息员',
  'receipt.billType': '缴费项目',
  'receipt.account': '户号',
  'receipt.accountPhone': '手机号',
  'receipt.holder': '户名',
  'receipt.amount': '缴费金额',
  'receipt.cash': '实收现金',
  'receipt.change': '找零',
  'receipt.time': '时间',
  'receipt.settledAt': '到账时间',
  'receipt.status': '状态',
  'receipt.payerPhone': '村民手机',
  'receipt.none': '—',
  'receipt.print': '打印凭条',
  'receipt.share': '生成图片分享',
  'receipt.sharing': '正在生成…',
  'receipt.shareFailed': '图片没有生成：{reason}',
  'receipt.refresh': '刷新结果',
  'receipt.refreshFailed': '没有刷新：{reason} 显示的是上次的状态。',
  'receipt.voidTitle': '作废这笔缴费',
  'receipt.voidIntro': '当天日结前可以作废，现金要退还村民。请写明原因。',
  'receipt.voidReason': '作废原因',
  'receipt.voidPlaceholder': '如 村民交错了户号',
  'receipt.voidReasonInvalid': '请写明原因（2 到 200 个字）。',
  'receipt.void': '作废',
  'receipt.voidConfirm': '确认作废并退还 {amount}',
  'receipt.voiding': '正在作废…',
  'receipt.voided': '已作废。请把 {amount} 现金退还村民。原因：{reason}',
  'receipt.voidClosed': '这一天已经日结，不能再作废。',
  'receipt.error.DAY_CLOSED': '这一天已经日结，不能再作废。',
  'receipt.error.CONFLICT': '这笔缴费已经不能作废（可能已作废、正在作废或已结算），请刷新。',
  'receipt.error.uncertain': '没有收到作废的结果（{reason}）。请刷新凭条看状态，先不要退还现金。',
  'receipt.footer': '请妥善保管。如有疑问请联系服务站信息员。',
  'receipt.cancel': '取消',

  // A receipt id in a link that matches no receipt the caller may see.
  'receipt.notFoundTitle': '没有找到这张凭条',
  'receipt.notFoundHint': '链接里的凭条编号不对，或者这笔缴费不归你查看。请从今天的缴费或“我的”里打开凭条。',
} as const;
