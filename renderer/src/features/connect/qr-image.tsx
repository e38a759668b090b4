import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-i18n';

/** The QR WhatsApp gives, drawn as an image; redrawn whenever WhatsApp rotates it. */
export function QrImage({ qr }: { qr: string }) {
  const t = useT();
  const [image, setImage] = useState<{ qr: string; url: string } | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(qr, { margin: 1, width: 264, errorCorrectionLevel: 'L' })
      .then((url) => {
        if (current) setImage({ qr, url });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [qr]);
  if (!image || image.qr !== qr) {
    return (
      <div className="qr-image qr-image--pending" role="status" aria-label={t('app.loading')}>
        <div className="spinner" aria-hidden="true" />
      </div>
    );
  }
  return <img className="qr-image" src={image.url} alt={t('connect.qrAlt')} width={264} height={264} data-qr={qr} />;
}
