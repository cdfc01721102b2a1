import Taro from '@tarojs/taro';

/** One line of the receipt image: a label and its value, or a title. */
export interface ReceiptLine {
  label: string;
  value: string;
}

export const RECEIPT_CANVAS_ID = 'receipt-canvas';
export const RECEIPT_IMAGE = { width: 600, lineHeight: 44, padding: 32, titleHeight: 80, footerHeight: 64 };

/** The canvas height a receipt of `lines` needs. */
export const receiptImageHeight = (lines: number) =>
  RECEIPT_IMAGE.padding * 2 + RECEIPT_IMAGE.titleHeight + lines * RECEIPT_IMAGE.lineHeight + RECEIPT_IMAGE.footerHeight;

type Canvas2D = {
  width: number;
  height: number;
  getContext(kind: '2d'): {
    scale(x: number, y: number): void;
    fillStyle: string;
    font: string;
    textAlign: string;
    fillRect(x: number, y: number, w: number, h: number): void;
    fillText(text: string, x: number, y: number): void;
    strokeStyle: string;
    beginPath(): void;
    moveTo(x: number, y: number): void;
    lineTo(x: number, y: number): void;
    stroke(): void;
  };
};

/**
 * WeChat only: draws the receipt on the page's hidden 2D canvas (`#receipt-canvas`), turns it into
 * a temporary image and opens WeChat's share sheet for images (send to a chat, save to the album).
 */
export async function shareReceiptImage(title: string, lines: ReceiptLine[], footer: string): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') throw new Error('image sharing is a WeChat feature');
  const { width, lineHeight, padding, titleHeight } = RECEIPT_IMAGE;
  const height = receiptImageHeight(lines.length);
  const canvas = await new Promise<Canvas2D>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${RECEIPT_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((result: Array<{ node?: Canvas2D } | null>) => {
        const node = result?.[0]?.node;
        if (node) resolve(node);
        else reject(new Error('canvas not found'));
      });
  });
  const ratio = Taro.getSystemInfoSync().pixelRatio || 2;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#1e7f4f';
  ctx.fillRect(0, 0, width, 8);
  ctx.fillStyle = '#1f2a24';
  ctx.font = 'bold 30px sans-serif';
  ctx.textAlign = 'center';
  ctx.fillText(title, width / 2, padding + 40);
  ctx.textAlign = 'left';
  let y = padding + titleHeight;
  for (const line of lines) {
    ctx.font = '22px sans-serif';
    ctx.fillStyle = '#5b665f';
    ctx.fillText(line.label, padding, y);
    ctx.fillStyle = '#1f2a24';
    ctx.font = '24px sans-serif';
    ctx.fillText(line.value, padding + 150, y);
    y += lineHeight;
  }
  ctx.strokeStyle = '#e3e8e4';
  ctx.beginPath();
  ctx.moveTo(padding, y);
  ctx.lineTo(width - padding, y);
  ctx.stroke();
  ctx.font = '20px sans-serif';
  ctx.fillStyle = '#8a948d';
  ctx.fillText(footer, padding, y + 36);
  const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: canvas as never, fileType: 'png' } as never);
  await Taro.showShareImageMenu({ path: tempFilePath });
}

/** H5 only: the browser's print dialog (the page's print styles leave the receipt alone). */
export function printReceipt(): void {
  if (process.env.TARO_ENV === 'h5' && typeof window !== 'undefined') window.print();
}
