/**
 * zh-CN strings several subpackages share and no main-package page uses (lists' 加载更多, distances, a text
 * field's limits, the not-found page, a household's payments): every subpackage's `t` includes them (i18n/find.ts, staff.ts, ...,
 * and i18n/shared.ts for code of any subpackage), so they ship with the subpackages, not in the main
 * package a villager downloads on the first scan. Placeholders are `{name}`. Keep this module free of Taro
 * imports: page configs read it at build time.
 */
export const sharedMessages = {
  'me.householdTitle': '我家的缴费',
  'me.unnamed': '微信用户',
  'list.separator': ' · ',
  'list.comma': '、',
  'list.more': '加载更多',
  'list.loadingMore': '正在加载…',
  'list.end': '已经到底了',
  'list.moreFailed': '没有加载出来：{reason}',
  'list.failed': '列表加载失败：{reason}',
  'distance.m': '{n} 米',
  'distance.km': '{n} 公里',
  'notFound.navTitle': '页面不存在',
  'notFound.title': '没有这个页面',
  'notFound.hint': '链接可能输错了或已经过时。可以回到首页，再按编码、地区或名称找到服务站。',
  'field.tooLong': '最多 {max} 个字，现在有 {count} 个字，请删减。',
  'field.count': '{count}/{max}',
  'rate.title': '为这次服务评分',
  'rate.star': '{n}分',
  'rate.comment': '想说的话（可不填）',
  'rate.send': '提交评价',
  'rate.thanks': '谢谢你的评价：{n}分',
  'rate.already': '这次服务已经评价过了',
  'rate.failed': '评价没有提交成功：{reason}',
  'lowData.tapToLoad': '点按加载图片',
} as const;
