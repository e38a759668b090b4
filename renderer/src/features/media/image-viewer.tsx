import { useEffect, useRef, useState } from 'react';
import type { Translate } from '../../../../shared/i18n';

const ZOOMS = [1, 1.5, 2, 3, 4] as const;

/** A photo full size in a modal dialog: zoom in and out, "Save as…", Escape or Close to leave. */
export function ImageViewer({
  src,
  downloadHref,
  filename,
  alt,
  onClose,
  t,
}: {
  src: string;
  downloadHref: string;
  filename: string;
  alt: string;
  onClose: () => void;
  t: Translate;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [zoom, setZoom] = useState(0);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, []);

  const scale = ZOOMS[zoom] ?? 1;
  return (
    <dialog ref={dialog} className="image-viewer" aria-label={t('mediaView.viewer')} onClose={onClose}>
      <div className="image-viewer__bar">
        <button
          type="button"
          className="button media-action"
          onClick={() => setZoom(Math.max(0, zoom - 1))}
          disabled={zoom === 0}
        >
          {t('mediaView.zoomOut')}
        </button>
        <span className="image-viewer__zoom" aria-live="polite">{`${Math.round(scale * 100)}%`}</span>
        <button
          type="button"
          className="button media-action"
          onClick={() => setZoom(Math.min(ZOOMS.length - 1, zoom + 1))}
          disabled={zoom === ZOOMS.length - 1}
        >
          {t('mediaView.zoomIn')}
        </button>
        <a className="button media-action" href={downloadHref} download={filename}>
          {t('mediaView.saveAs')}
        </a>
        <button type="button" className="button" onClick={() => dialog.current?.close()} autoFocus>
          {t('mediaView.close')}
        </button>
      </div>
      <div className="image-viewer__stage">
        <img src={src} alt={alt} style={{ transform: `scale(${scale})` }} onClick={() => setZoom(zoom === 0 ? 2 : 0)} />
      </div>
    </dialog>
  );
}
