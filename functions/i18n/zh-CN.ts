/**
 * The server's own texts in Chinese (issue 16): the `message` of every error code, the station
 * poster, a pay link's description, a late payment's refund reason (WeChat Pay's notice to the buyer) and the
 * supervision CSV's header. Subscribe messages carry data in the recipient's language
 * (an item's Tibetan version, a category's Tibetan name); their `time` keyword keeps the one format
 * WeChat accepts (2026年11月30日 14:05) in every language, or the send fails with 47003. The reference catalogue: every
 * other language has exactly its keys (bo.ts is typed by it, a unit test checks both ways).
 * Data that carries its own names (categories, products, regions) stays data.
 */
import type { ErrorCode } from '../../shared';

const errors = {
  'error.PAYLOAD_TOO_LARGE': '内容太大，无法接收。',
  'error.UNSUPPORTED_MEDIA_TYPE': '请求的格式不受支持。',
  'error.INVALID_JSON': '请求内容的格式有误。',
  'error.UNAUTHENTICATED': '请先登录。',
  'error.FORBIDDEN': '你没有权限进行此操作。',
  'error.VALIDATION_FAILED': '填写的内容有误，请检查后重试。',
  'error.IDEMPOTENCY_KEY_MISSING': '请求缺少标识，请重试。',
  'error.NOT_FOUND': '找不到该内容。',
  'error.CONFLICT': '内容刚被修改过，请刷新后重试。',
  'error.OUT_OF_STOCK': '库存不足。',
  'error.DAY_CLOSED': '今日已结账，无法继续操作。',
  'error.IDEMPOTENCY_IN_PROGRESS': '请求正在处理中，请稍后重试。',
  'error.TRAINING_FULL': '本场培训已满员。',
  'error.CHECKIN_CLOSED': '现在不在签到时间内。',
  'error.IDEMPOTENCY_KEY_REUSED': '该请求标识已用于其他请求，请重新提交。',
  'error.INVALID_IMAGE': '图片无效，请重新上传。',
  'error.RATE_LIMITED': '操作太频繁，请稍后再试。',
  'error.LIMIT_EXCEEDED': '已超出限额。',
  'error.INTERNAL': '服务器出错了，请稍后重试。',
  'error.DEPENDENCY_UNAVAILABLE': '服务暂时不可用，请稍后重试。',
  'error.PROVIDER_NOT_CONFIGURED': '暂不支持缴费。',
} satisfies Record<`error.${ErrorCode}`, string>;

export const zhCN = {
  ...errors,
  'poster.title': '{village}益农信息社',
  'poster.scanHint': '微信扫一扫，进入本站',
  'poster.codeLabel': '站点编码',
  'poster.services': '公益服务 · 便民服务 · 电子商务 · 培训体验',
  'poster.footer': '信息进村入户 · 青海',
  /** A pay link's order description, on the payer's WeChat Pay sheet and bill (at most 120 characters). */
  'payLink.description': '代缴{billType} {village}',
  /**
   * A late payment's refund reason (an order released unpaid, then paid): WeChat Pay shows it to the
   * buyer on its refund notice. At most 80 characters (the provider's limit).
   */
  'refund.lateSuccessReason': '订单已关闭，自动退款',
  'billType.electricity': '电费',
  'billType.water': '水费',
  'billType.broadband': '宽带费',
  'billType.phone': '话费',
  'billType.social_insurance': '城乡居民社保',
  'csv.code': '编码',
  'csv.name': '名称',
  'csv.kind': '类型',
  'csv.from': '开始日期',
  'csv.to': '结束日期',
  'csv.stations': '站点数',
  'csv.activeStations': '活跃站点数',
  'csv.services': '服务次数',
  'csv.target': '目标',
  'csv.attainment': '完成率',
  'csv.payments': '缴费笔数',
  'csv.paymentFen': '缴费金额（分）',
  'csv.orders': '订单数',
  'csv.orderFen': '订单金额（分）',
  'csv.acks': '确认收到数',
  'csv.informed': '告知数',
  'csv.ackRate': '收到率',
  'csv.answers': '专家解答数',
  'csv.consultations': '咨询次数',
  'csv.trainings': '培训场次',
  'csv.ratings': '评价数',
  'csv.satisfaction': '满意度',
} as const;

export type ServerTextKey = keyof typeof zhCN;
