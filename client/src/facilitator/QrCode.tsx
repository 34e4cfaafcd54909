import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** A data-URL image rather than a canvas: it scales crisply on a projector and can be saved. */
export function QrCode({ text, alt }: { text: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toDataURL(text, { width: 512, margin: 2, errorCorrectionLevel: 'M' })
      .then((url) => live && setSrc(url))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [text]);
  return src ? <img className="qr" src={src} alt={alt} data-testid="qr-code" width={256} height={256} /> : <div className="qr" data-testid="qr-code" aria-busy="true" />;
}
