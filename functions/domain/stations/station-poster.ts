/**
 * The printable A4 poster of a station: its name, place, code and QR code, as SVG (millimetre
 * units, so it prints at size from any browser), its words in the requester's language (the server
 * catalogue: Chinese or Tibetan).
 */
import type { Locale } from '../../../shared';
import type { Caller } from '../../auth/caller';
import { serverText } from '../../i18n';
import { managedStation } from './station-access';
import type { Station, StationRepository } from './station';

/** Its officers and the admins over its region print a station's poster; to anyone else it does not exist. */
export async function stationPoster(
  deps: { stations: StationRepository; qr: QrCodeSource },
  caller: Caller,
  stationId: string,
  locale: Locale,
): Promise<{ svg: string; fileName: string }> {
  const station = await managedStation(deps.stations, caller, stationId);
  return { svg: renderPosterSvg(station, await deps.qr.forStation(station), locale), fileName: `station-${station.code}.svg` };
}

export type QrImage = { kind: 'modules'; size: number; isDark: (row: number, col: number) => boolean } | { kind: 'png'; base64: string };

export interface QrCodeSource {
  /** The image to print for this station: a plain QR of its code, or WeChat's official code. */
  forStation(station: Pick<Station, 'id' | 'code'>): Promise<QrImage>;
}

/** Tibetan needs a font that stacks its letters; CJK fonts have none, so they come after it. */
const FONTS: Record<Locale, string> = {
  'zh-CN': `'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif`,
  bo: `'Noto Serif Tibetan','Noto Sans Tibetan','Microsoft Himalaya','Noto Sans CJK SC','Source Han Sans SC',sans-serif`,
};

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderPosterSvg(station: Pick<Station, 'code' | 'villageName' | 'regionChain'>, qr: QrImage, locale: Locale = 'zh-CN'): string {
  const text = (key: 'poster.scanHint' | 'poster.codeLabel' | 'poster.services' | 'poster.footer') => escapeXml(serverText(locale, key));
  const place = station.regionChain
    .slice(1)
    .map((r) => r.name)
    .join(' · ');
  const qrSize = 120;
  const qrX = (210 - qrSize) / 2;
  const qrY = 92;
  let qrSvg: string;
  if (qr.kind === 'modules') {
    // One path for all dark modules, with a quiet zone of 4 modules inside the drawn square.
    const module = qrSize / (qr.size + 8);
    let d = '';
    for (let r = 0; r < qr.size; r++) {
      for (let c = 0; c < qr.size; c++) {
        if (qr.isDark(r, c))
          d += `M${(qrX + (c + 4) * module).toFixed(3)} ${(qrY + (r + 4) * module).toFixed(3)}h${module.toFixed(3)}v${module.toFixed(3)}h-${module.toFixed(3)}z`;
      }
    }
    qrSvg = `<rect x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}" fill="#fff"/><path d="${d}" fill="#000"/>`;
  } else {
    qrSvg = `<image x="${qrX}" y="${qrY}" width="${qrSize}" height="${qrSize}" href="data:image/png;base64,${qr.base64}"/>`;
  }
  const font = `font-family="${FONTS[locale]}"`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297" ${font}>`,
    `<rect width="210" height="297" fill="#fff"/>`,
    `<rect width="210" height="62" fill="#1f7a4d"/>`,
    `<text x="105" y="30" font-size="15" font-weight="700" fill="#fff" text-anchor="middle">${escapeXml(serverText(locale, 'poster.title', { village: station.villageName }))}</text>`,
    `<text x="105" y="47" font-size="7" fill="#e6f2ec" text-anchor="middle">${escapeXml(place)}</text>`,
    `<text x="105" y="80" font-size="8" fill="#1f7a4d" text-anchor="middle">${text('poster.scanHint')}</text>`,
    qrSvg,
    `<text x="105" y="232" font-size="6" fill="#555" text-anchor="middle">${text('poster.codeLabel')}</text>`,
    `<text x="105" y="246" font-size="11" font-weight="700" fill="#222" text-anchor="middle" letter-spacing="1">${escapeXml(station.code)}</text>`,
    `<text x="105" y="266" font-size="6.5" fill="#333" text-anchor="middle">${text('poster.services')}</text>`,
    `<text x="105" y="287" font-size="5" fill="#888" text-anchor="middle">${text('poster.footer')}</text>`,
    `</svg>`,
  ].join('\n');
}
