/**
 * Station codes as they arrive from QR codes, page parameters and the H5 text field.
 *
 * A station code is 1-32 letters or digits (shared/schemas/stations.ts `stationCode`; it must fit a
 * WeChat QR `scene`). This is a copy of that rule as a RegExp so zod stays out of the bundle; the
 * unit tests check both agree.
 */
export const STATION_CODE_PATTERN = /^[0-9A-Za-z]{1,32}$/;

/** Page of the station profile; QR codes and the home page open it with `?scene=<code>`. */
export const STATION_PAGE = '/pages/station/index';

export function isStationCode(value: string): boolean {
  return STATION_CODE_PATTERN.test(value);
}

/**
 * Separators people type or paste inside a code ("6302 0200 2214", "6302-0200-2214"): white space
 * and the hyphens and dashes an input method may give. Full-width forms are folded by NFKC first.
 */
const TYPED_SEPARATORS = /[\s\-\u2010-\u2015\u2212]+/g;

/**
 * A station code as a person typed it: full-width digits and letters made half-width (a Chinese
 * input method gives "６３０２"), separators dropped. The result still has to pass isStationCode.
 */
export function normaliseTypedStationCode(typed: string): string {
  return typed.normalize('NFKC').replace(TYPED_SEPARATORS, '');
}

export function stationPageUrl(code: string): string {
  return `${STATION_PAGE}?scene=${encodeURIComponent(code)}`;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** `scene` (or `code`) from a query string or a URL/path carrying one, decoded. */
function queryParam(text: string, names: readonly string[]): string | undefined {
  const query = text.includes('?') ? text.slice(text.indexOf('?') + 1) : text;
  for (const pair of query.split(/[&#]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq);
    if (names.includes(name)) return safeDecode(pair.slice(eq + 1)).trim();
  }
  return undefined;
}

/**
 * The station code in a free text a QR code may carry: the bare code, a path or URL with
 * `scene=<code>` / `code=<code>`, or a URL whose last path segment is the code
 * (`https://example.cn/s/632701001201`). Undefined when there is none.
 */
export function parseStationCodeText(raw: string | undefined | null): string | undefined {
  if (!raw) return undefined;
  const text = raw.trim();
  if (isStationCode(text)) return text;
  // A scene may itself be URL-encoded once more ("scene%3D6327..."), as WeChat passes it along.
  const decoded = safeDecode(text);
  const fromParam = queryParam(decoded, ['scene', 'code']);
  if (fromParam !== undefined) return isStationCode(fromParam) ? fromParam : undefined;
  const url = /^https?:\/\/[^/?#]+(\/[^?#]*)/i.exec(decoded);
  if (url) {
    const last = url[1].split('/').filter(Boolean).pop();
    if (last && isStationCode(last)) return last;
  }
  return undefined;
}

/** The parts of Taro.scanCode's result we read. */
export interface ScanResultLike {
  /** Text content of the code. */
  result?: string;
  /** For a mini-program code of this app: the page path with its query, e.g. `pages/station/index?scene=...`. */
  path?: string;
}

/** The station code of a scan, preferring the mini-program path over the raw text. */
export function parseScanResult(scan: ScanResultLike): string | undefined {
  return parseStationCodeText(scan.path) ?? parseStationCodeText(scan.result);
}

/**
 * The station code of a page launch. A mini-program code gives `scene` (URL-encoded), a plain QR
 * code linked to the mini-program gives `q` (the encoded URL), and links inside the app give
 * `scene` too. Undefined when the code is missing or malformed.
 */
export function stationCodeFromParams(params: Partial<Record<string, string | undefined>>): string | undefined {
  if (params.scene !== undefined) {
    const scene = safeDecode(params.scene).trim();
    return isStationCode(scene) ? scene : parseStationCodeText(scene);
  }
  if (params.q !== undefined) return parseStationCodeText(safeDecode(params.q));
  if (params.code !== undefined) return parseStationCodeText(params.code);
  return undefined;
}
