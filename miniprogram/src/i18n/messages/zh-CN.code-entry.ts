/**
 * zh-CN strings of the home page's typed station code (H5 only: pages/index/code-entry.tsx; in WeChat the
 * villager scans the QR code and the weapp build's code-entry.weapp.tsx has no field), so the weapp main
 * package does not carry them. Placeholders are `{name}`. Keep this module free of Taro imports.
 */
export const codeEntryMessages = {
  'home.introH5': '输入二维码下方印的服务站编码，查看服务站信息和可以办理的服务。',
  'home.codeLabel': '服务站编码',
  'home.codePlaceholder': '如 632701001201',
  'home.codeHint': '服务站编码印在二维码下方。',
  'home.open': '进入服务站',
  'home.codeMissing': '请输入服务站编码。',
  'home.codeInvalid': '服务站编码是二维码下方印的一串数字，如 6302 0200 2214，请核对后再输入。',
} as const;
