import type { ClientErrorCode } from '../../services/api-error';

/**
 * The reference catalogue: every user-facing string of the mini-program. Other locales (Tibetan
 * `bo` next) provide the same keys; a missing key falls back to this one. Placeholders are `{name}`.
 * Keep this module free of Taro imports: page configs (index.config.ts) read it at build time.
 */
export const messages = {
  'app.name': '益农信息社',
  'app.tagline': '青海省村级益农信息社',

  'home.title': '益农信息社',
  'home.intro': '扫描村里益农信息社张贴的二维码，查看服务站信息和可以办理的服务。',
  'home.scan': '扫码进入服务站',
  'home.scanInvalid': '没有识别到服务站二维码，请重新扫描。',
  'home.codeLabel': '服务站编码',
  'home.codePlaceholder': '如 632701001201',
  'home.codeHint': '服务站编码印在二维码下方。',
  'home.codeInvalid': '编码只能是 1 到 32 位字母或数字。',
  'home.open': '进入服务站',
  'home.staffTitle': '工作人员',
  'home.officerEntry': '信息员入口',
  'home.adminEntry': '管理员入口',

  'station.navTitle': '服务站',
  'station.loading': '正在加载服务站信息…',
  'station.name': '{village}益农信息社',
  'station.code': '站点编码 {code}',
  'station.type.standard': '标准站',
  'station.type.specialized': '专业站',
  'station.type.simple': '简易站',
  'station.kind.village': '农区',
  'station.kind.herding': '牧区',
  'station.locationTitle': '所在地',
  'station.field.village': '村',
  'station.field.officialName': '正式名称',
  'station.field.township': '乡镇',
  'station.field.county': '县',
  'station.field.prefecture': '市州',
  'station.field.province': '省',
  'station.servicesTitle': '服务项目',
  'station.notFoundTitle': '没有找到这个服务站',
  'station.notFoundHint': '二维码可能已失效，请确认后重新扫描。',
  'station.invalidCodeTitle': '服务站编码无效',
  'station.invalidCodeHint': '编码只能是 1 到 32 位字母或数字，请重新扫描二维码。',
  'station.errorTitle': '服务站信息加载失败',

  'service.information.name': '公益服务',
  'service.information.desc': '政策、市场行情、农技指导和灾害预警',
  'service.convenience.name': '便民服务',
  'service.convenience.desc': '水电费、话费等缴费和代办',
  'service.ecommerce.name': '电子商务',
  'service.ecommerce.desc': '农畜产品销售和代购',
  'service.training.name': '培训体验',
  'service.training.desc': '农牧业技能培训和新技术体验',
  'service.available': '可办理',
  'service.unavailable': '暂未开通',

  'state.retry': '重试',
  'state.home': '返回首页',
  'state.requestId': '错误编号 {id}',

  'role.officer.navTitle': '信息员',
  'role.officer.title': '信息员工作台',
  'role.officer.signIn': '请以信息员身份登录后继续。',
  'role.admin.navTitle': '管理员',
  'role.admin.title': '管理后台',
  'role.admin.signIn': '请以管理员身份登录后继续。',
  'role.signInSoon': '登录功能即将开放。',
} as const;

export type MessageKey = keyof typeof messages;

/** Codes with a text of their own; anything else shows UNKNOWN. */
export type ErrorTextCode = ClientErrorCode | 'UNKNOWN';

/** Typed as a full Record: adding a code to shared/errors.ts fails the type check until it has a text. */
export const errors: Record<ErrorTextCode, string> = {
  PAYLOAD_TOO_LARGE: '提交的内容太多了，请精简后再试。',
  UNSUPPORTED_MEDIA_TYPE: '提交的内容格式不受支持。',
  INVALID_JSON: '提交的内容格式有误。',
  UNAUTHENTICATED: '请先登录。',
  FORBIDDEN: '您没有权限进行这项操作。',
  VALIDATION_FAILED: '填写的信息有误，请检查后再试。',
  IDEMPOTENCY_KEY_MISSING: '提交缺少防重复标识，请重新提交。',
  NOT_FOUND: '没有找到相关内容。',
  CONFLICT: '内容已被他人修改，请刷新后再试。',
  OUT_OF_STOCK: '库存不足。',
  DAY_CLOSED: '当天的账已经结清，不能再修改。',
  IDEMPOTENCY_IN_PROGRESS: '上一次提交还在处理中，请稍候。',
  IDEMPOTENCY_KEY_REUSED: '这次提交和上一次的内容不一致，请重新提交。',
  RATE_LIMITED: '操作太频繁了，请稍后再试。',
  LIMIT_EXCEEDED: '已超出限额。',
  INTERNAL: '服务器出了点问题，请稍后再试。',
  DEPENDENCY_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试。',
  UNKNOWN: '出现了未知错误，请稍后再试。',
};

export interface Catalogue {
  messages: Record<MessageKey, string>;
  errors: Record<ErrorTextCode, string>;
}

export const zhCN: Catalogue = { messages, errors };
