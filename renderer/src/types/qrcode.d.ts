/**
 * The part of `qrcode` the renderer uses (its browser build). `@types/qrcode` references
 * `@types/node`, which the web project must never see: tsconfig.web.json maps `qrcode` here.
 */
export interface ToDataUrlOptions {
  margin?: number;
  width?: number;
  errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H';
}

export function toDataURL(text: string, options?: ToDataUrlOptions): Promise<string>;

declare const QRCode: { toDataURL: typeof toDataURL };
export default QRCode;
