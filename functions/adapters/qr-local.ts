import QRCode from 'qrcode';
import type { QrCodeSource } from '../domain/stations/station-poster';

/**
 * A plain QR code carrying the station code: the mini-program's scan button (and its
 * `scene` parameter) accept the bare code. Used locally, where WeChat's official codes are out of reach.
 */
export const localQrSource: QrCodeSource = {
  async forStation(station) {
    const qr = QRCode.create(station.code, { errorCorrectionLevel: 'M' });
    return { kind: 'modules', size: qr.modules.size, isDark: (row, col) => Boolean(qr.modules.get(row, col)) };
  },
};
