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
  // Shared by 我的 and the receipt / admin subpackages.
  'me.householdTitle': '我家的缴费',
  'me.unnamed': '微信用户',
  'home.intro': '扫描村里益农信息社张贴的二维码，查看服务站信息和可以办理的服务。',
  'home.introH5': '输入二维码下方印的服务站编码，查看服务站信息和可以办理的服务。',
  'home.findIntro': '身边没有二维码？也可以这样找到服务站：',
  'home.find.nearest': '附近的服务站',
  'home.find.nearestDesc': '按距离由近到远列出',
  'home.find.browse': '按地区查找',
  'home.find.browseDesc': '从市州、县区一路找到村',
  'home.find.search': '按名称搜索',
  'home.find.searchDesc': '输入村、乡镇或县的名字，汉字或拼音都行',
  'home.scan': '扫码进入服务站',
  'home.scanInvalid': '没有识别到服务站二维码，请重新扫描。',
  'home.codeLabel': '服务站编码',
  'home.codePlaceholder': '如 632701001201',
  'home.codeHint': '服务站编码印在二维码下方。',
  'home.open': '进入服务站',
  'home.accountTitle': '我的账号',
  'home.meEntry': '登录 / 我的',
  'home.meEntrySignedIn': '我的账号（{role}）',
  'home.officerEntry': '信息员工作台',
  'home.adminEntry': '管理后台',

  'station.navTitle': '服务站',
  'station.loading': '正在加载服务站信息…',
  'station.name': '{village}益农信息社',
  'station.code': '站点编码 {code}',
  'station.type.standard': '标准站',
  'station.type.specialized': '专业站',
  'station.type.simple': '简易站',
  'station.areaType.farming': '农区',
  'station.areaType.semi_pastoral': '半农半牧区',
  'station.areaType.pastoral': '牧区',
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
  'station.openNow': '营业中',
  'station.closedNow': '已休息',
  'station.hoursTitle': '营业时间',
  'station.hoursNone': '暂未公布营业时间，请先电话联系。',
  'station.hoursNote': '按北京时间。',
  'station.contactTitle': '联系信息员',
  'station.officer': '信息员',
  'station.officerNone': '暂未登记',
  'station.phone': '电话',
  'station.phoneNone': '暂无电话',
  'station.phoneReveal': '查看完整号码',
  'station.phoneRevealing': '正在获取…',
  'station.phoneCall': '拨打电话',
  'station.phoneSignIn': '登录后可以查看完整号码并拨打。',
  'station.phoneGoSignIn': '去登录',
  'station.phoneError.NOT_FOUND': '这个服务站没有留电话。',
  'station.phoneError.RATE_LIMITED': '查看号码太频繁了，请一小时后再试。',
  'station.capabilitiesTitle': '可以办理',
  'station.capabilityOn': '可办',
  'station.capabilityOff': '不可办',
  'station.mapNone': '这个服务站还没有标注位置。',
  'station.mapOpen': '在地图中打开 / 导航',
  'station.mapH5Note': '网页版不显示地图，可以把坐标复制到手机地图中查找。',
  'station.copyCoordinates': '复制坐标',
  'station.share': '分享给乡亲',
  'station.shareTitle': '{village}益农信息社',
  'station.home.set': '设为我的站点',
  'station.home.setting': '正在设置…',
  'station.home.isHome': '我的站点',
  'station.home.intro': '常来这个服务站办事？设为“我的站点”，以后在“我的”页面一点就到。',
  'station.home.done': '已设为我的站点。',
  'station.findOthers': '找其他服务站',
  'station.prices': '市场行情',
  'station.market': '村里的农产品 ›',
  'station.feedTitle': '通知与预警',
  'station.feedMore': '更多',
  'station.askExpert': '庄稼、牲畜有问题？问专家 ›',
  'station.feedUrgent': '紧急',

  'capability.billPayment': '代缴水电话费',
  'capability.cashWithdrawal': '小额取款',
  'capability.parcelPickup': '快递代收代寄',
  'capability.produceSelling': '农畜产品代销',
  'capability.training': '技能培训',

  'day.1': '周一',
  'day.2': '周二',
  'day.3': '周三',
  'day.4': '周四',
  'day.5': '周五',
  'day.6': '周六',
  'day.7': '周日',
  'day.short.1': '一',
  'day.short.2': '二',
  'day.short.3': '三',
  'day.short.4': '四',
  'day.short.5': '五',
  'day.short.6': '六',
  'day.short.7': '日',
  'hours.everyDay': '每天',
  'hours.dayRange': '{from}至{to}',
  'hours.window': '{days} {open}–{close}',

  'list.separator': ' · ',
  'list.comma': '、',
  'list.more': '加载更多',
  'list.loadingMore': '正在加载…',
  'list.end': '已经到底了',
  'list.moreFailed': '没有加载出来：{reason}',
  'list.failed': '列表加载失败：{reason}',

  'distance.m': '{n} 米',
  'distance.km': '{n} 公里',
  'geo.north': '北纬 {n}°',
  'geo.south': '南纬 {n}°',
  'geo.east': '东经 {n}°',
  'geo.west': '西经 {n}°',
  'geo.point': '{lat}，{lng}',

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

  // Typed station codes, the not-found page, bill account kinds (phone top-ups), receipts not found, field limits.
  'home.codeMissing': '请输入服务站编码。',
  'home.codeInvalid': '服务站编码是二维码下方印的一串数字，如 6302 0200 2214，请核对后再输入。',
  'station.notFoundTypedHint': '没有编码为 {code} 的服务站，请核对二维码下方印的编码后重新输入。',
  'station.invalidCodeTypedHint': '服务站编码只含数字或字母，请核对后重新输入。',
  'notFound.navTitle': '页面不存在',
  'notFound.title': '没有这个页面',
  'notFound.hint': '链接可能输错了或已经过时。可以回到首页，再按编码、地区或名称找到服务站。',
  'field.tooLong': '最多 {max} 个字，现在有 {count} 个字，请删减。',
  'field.count': '{count}/{max}',

  // Account codes for appointing officers, names instead of ids, duplicate households, region day totals.
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
  INVALID_IMAGE: '图片无法使用（只支持 JPG、PNG、WebP），请换一张。',
  RATE_LIMITED: '操作太频繁了，请稍后再试。',
  LIMIT_EXCEEDED: '已超出限额。',
  INTERNAL: '服务器出了点问题，请稍后再试。',
  DEPENDENCY_UNAVAILABLE: '服务暂时不可用，请稍后再试。',
  PROVIDER_NOT_CONFIGURED: '代缴服务暂未开通：还没有接入缴费单位。',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试。',
  WECHAT_LOGIN_FAILED: '微信登录没有成功，请稍后再试。',
  UNKNOWN: '出现了未知错误，请稍后再试。',
};

export interface Catalogue {
  messages: Record<MessageKey, string>;
  errors: Record<ErrorTextCode, string>;
}

export const zhCN: Catalogue = { messages, errors };
