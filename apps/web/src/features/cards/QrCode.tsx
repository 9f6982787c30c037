import QRCode from 'qrcode';
import { type CSSProperties, useMemo } from 'react';

/** Four modules of white around the code: the margin the QR standard asks for, so scanners lock on. */
const QUIET_ZONE = 4;

/** The code's dark modules as one SVG path, a rectangle per horizontal run. */
function qrPath(text: string): { d: string; dimension: number } {
  // M: about 15 % of the code may be smudged or glared and it still reads, at a modest size cost.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size } = modules;
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    let col = 0;
    while (col < size) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < size && modules.get(row, col)) col += 1;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`);
    }
  }
  return { d: parts.join(''), dimension: size + 2 * QUIET_ZONE };
}

/**
 * A QR code drawn here, as SVG (sharp at any size, black on white whatever the theme). The encoded text
 * is on `data-presentation`, where the browser journeys read it.
 */
export function QrCode({ text, label, style }: { text: string; label: string; style?: CSSProperties }) {
  const { d, dimension } = useMemo(() => qrPath(text), [text]);
  return (
    <svg
      viewBox={`0 0 ${dimension} ${dimension}`}
      role="img"
      aria-label={label}
      data-presentation={text}
      shapeRendering="crispEdges"
      style={{ display: 'block', width: '100%', height: 'auto', background: '#fff', ...style }}
    >
      <rect width={dimension} height={dimension} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
