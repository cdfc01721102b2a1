/**
 * Money is integer fen everywhere (the API's `amountFen`); yuan exist only on screen. These are the
 * one place that converts, by string arithmetic on the digits typed: never `parseFloat(x) * 100`,
 * which turns "19.99" into 1998.9999999999998.
 */

/** The most an amount typed on a form may be: ¥10,000,000.00 (the API's own caps are far lower). */
export const MAX_TYPED_FEN = 1_000_000_000;

/** fen -> "¥12.34" ("-¥1.50" below zero): the one money format of the app. */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return '';
  const whole = Math.round(fen);
  const sign = whole < 0 ? '-' : '';
  const abs = Math.abs(whole);
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}¥${yuan.toLocaleString('en-US')}.${cents}`;
}

/** fen -> "12.34" without the sign: the value put back into a yuan input. */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.round(fen));
  return `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export type YuanParse = { ok: true; fen: number } | { ok: false; reason: 'empty' | 'format' | 'decimals' | 'too-large' };

/**
 * What an officer types, in yuan, to integer fen: "12", "12.5", "12.50", " ¥1,234.05 " (full-width
 * digits and point from a Chinese keyboard too). More than two decimals is refused rather than
 * rounded: cash is counted to the fen. Negative amounts are not money anyone types here.
 */
export function parseYuanToFen(input: string): YuanParse {
  const text = input
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48))
    .replace(/[．。]/g, '.')
    .replace(/[\s,，¥￥元]/g, '');
  if (text === '') return { ok: false, reason: 'empty' };
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text) ?? /^()\.(\d+)$/.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [, wholeText, decimals = ''] = match;
  if (decimals.length > 2) return { ok: false, reason: 'decimals' };
  const whole = wholeText.replace(/^0+(?=\d)/, '');
  if (whole.length > 10) return { ok: false, reason: 'too-large' };
  const fen = Number(whole || '0') * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_TYPED_FEN) return { ok: false, reason: 'too-large' };
  return { ok: true, fen };
}
