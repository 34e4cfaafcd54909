import { useMemo } from 'react';
import QRCode from 'qrcode';

/** An SVG drawn from the code's modules: crisp at any size (projector, A4 poster), no data: URL
 * or script for the page's CSP, and computed synchronously (no flash of an empty square). */
export function QrCode({ text, alt, className = 'qr' }: { text: string; alt: string; className?: string }) {
  const qr = useMemo(() => {
    const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
    let d = '';
    for (let y = 0; y < modules.size; y++) {
      for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`;
    }
    return { d, size: modules.size + 2 * QUIET };
  }, [text]);
  return (
    <svg className={className} data-testid="qr-code" data-text={text} role="img" aria-label={alt} viewBox={`0 0 ${qr.size} ${qr.size}`} shapeRendering="crispEdges">
      <rect width={qr.size} height={qr.size} fill="#fff" />
      <path d={qr.d} fill="#000" />
    </svg>
  );
}

/** Quiet zone, in modules: scanners need a white margin around the code. */
const QUIET = 2;
