import type { ClientErrorCode } from '../../services/api-error';

/**
 * The reference catalogue: the strings of the main package (home, station and what they share with every page).
 * The subpackages' strings live beside it (zh-CN.find.ts, zh-CN.staff.ts, zh-CN.receipt.ts) so the
 * main package a villager downloads on the first scan does not carry them. Other locales (Tibetan
 * `bo` next) provide the same keys; a missing key falls back to this one. Placeholders are `{name}`.
 * Keep this module free of Taro imports: page configs (index.config.ts) read it at build time.
 */
export const messages = {
  'app.name': '益农信息社',
  'app.tagline': '青海省村级益农信息社',
  'app.locationPurpose': '用于查找离你最近的益农信息社，以及信息员标注服务站的位置',

  'home.title': '益农信息社',
  'home.intro': '扫描村里益农信息社张贴的二维码，查看服务站信息和可以办理的服务。',
  'home.findIntro': '身边没有二维码？也可以这样找到服务站：',
  'home.find.nearest': '附近的服务站',
  'home.find.nearestDesc': '按距离由近到远列出',
  'home.find.browse': '按地区查找',
  'home.find.browseDesc': '从市州、县区一路找到村',
  'home.find.search': '按名称搜索',
  'home.find.searchDesc': '输入村、乡镇或县的名字，汉字或拼音都行',
  'home.scan': '扫码进入服务站',
  'home.scanInvalid': '没有识别到服务站二维码，请重新扫描。',
  'home.accountTitle': '我的账号',
  'home.meEntry': '登录 / 我的',
  'home.meEntrySignedIn': '我的账号（{role}）',
  'home.officerEntry': '信息员工作台',
  'home.adminEntry': '管理后台',

  'station.navTitle': '服务站',
  'offline.minutes': '无网络，显示 {n} 分钟前的内容',
  'offline.hours': '无网络，显示 {n} 小时前的内容',
  'offline.days': '无网络，显示 {n} 天前的内容',
  'station.loading': '正在加载服务站信息…',
  'station.name': '{village}益农信息社',
  'station.code': '站点编码 {code}',
  'station.type.standard': '标准站',
  'station.type.specialized': '专业站',
  'station.type.simple': '简易站',
  'station.areaType.farming': '农区',
  'station.areaType.semi_pastoral': '半农半牧区',
  'station.areaType.pastoral': '牧区',
  'station.servicesTitle': '服务项目',
  // The way to the station's details (packages/station): hours, the officer's phone, what it can do, the map.
  'station.aboutTitle': '站点详情',
  'station.aboutDesc': '营业时间、联系信息员、可以办理的业务、位置地图',
  'station.notFoundTitle': '没有找到这个服务站',
  'station.notFoundHint': '二维码可能已失效，请确认后重新扫描。',
  'station.invalidCodeTitle': '服务站编码无效',
  'station.invalidCodeHint': '编码只能是 1 到 32 位字母或数字，请重新扫描二维码。',
  'station.errorTitle': '服务站信息加载失败',
  'station.openNow': '营业中',
  'station.closedNow': '已休息',
  'station.share': '分享给乡亲',
  'station.findOthers': '找其他服务站',
  'station.prices': '市场行情',
  'station.market': '村里的农产品 ›',
  'station.trainings': '站里的培训 ›',
  'station.feedTitle': '通知与预警',
  'station.feedMore': '更多',
  'station.askExpert': '庄稼、牲畜有问题？问专家 ›',
  'station.feedUrgent': '紧急',

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

  'roleName.villager': '村民',
  'roleName.buyer': '采购商',
  'roleName.officer': '信息员',
  'roleName.county_admin': '县级管理员',
  'roleName.prefecture_admin': '市州管理员',
  'roleName.province_admin': '省级管理员',
  'roleName.expert': '专家',

  // "我家的缴费" on "me" is an entry; the page itself (packages/receipt/pages/household) has its strings in zh-CN.receipt.ts.

  // The receipt page's gate (components/role-gate takes main keys); its other strings: zh-CN.receipt.ts.

  // The stage's bill provider (GET /bill-types): said on every payment screen and receipt.

  // A typed station code the station page did not find (H5's code entry, whose own strings are zh-CN.code-entry.ts).
  'station.notFoundTypedHint': '没有编码为 {code} 的服务站，请核对二维码下方印的编码后重新输入。',
  'station.invalidCodeTypedHint': '服务站编码只含数字或字母，请核对后重新输入。',

  // Account codes for appointing officers, names instead of ids, duplicate households, region day totals.
} as const;

export type MessageKey = keyof typeof messages;

/** Codes with a text of their own; anything else shows UNKNOWN. */
export type ErrorTextCode = ClientErrorCode | 'UNKNOWN';

/**
 * The codes the main pages can meet (reading a station and its latest items); the others' texts are in
 * zh-CN.errors.ts, which every subpackage's i18n entry adds (i18n/errors.ts), so the main package a villager
 * downloads on the first scan does not carry them. A subpackage code reaching a main page before any
 * subpackage loaded reads as UNKNOWN.
 */
export type MainErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'INTERNAL'
  | 'DEPENDENCY_UNAVAILABLE'
  | 'NETWORK_ERROR'
  | 'UNKNOWN';

/** Typed as a full Record: with zh-CN.errors.ts, adding a code to shared/errors.ts fails the type check until it has a text. */
export const errors: Record<MainErrorCode, string> = {
  UNAUTHENTICATED: '请先登录。',
  FORBIDDEN: '您没有权限进行这项操作。',
  VALIDATION_FAILED: '填写的信息有误，请检查后再试。',
  NOT_FOUND: '没有找到相关内容。',
  RATE_LIMITED: '操作太频繁了，请稍后再试。',
  INTERNAL: '服务器出了点问题，请稍后再试。',
  DEPENDENCY_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试。',
  UNKNOWN: '出现了未知错误，请稍后再试。',
};

export interface Catalogue {
  messages: Record<MessageKey, string>;
  errors: Record<MainErrorCode, string>;
}

export const zhCN: Catalogue = { messages, errors };
