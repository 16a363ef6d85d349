import type { EvidenceKind } from '../../../shared/api/evidence';

// Inline SVG, not emoji: many branch PCs have no colour-emoji font. Decorative: the type is also in the text.
const GLYPHS: Record<EvidenceKind | 'other', { colour: string; mark: React.ReactNode }> = {
  image: {
    colour: '#1f7a6b',
    mark: (
      <>
        <circle cx="9" cy="11" r="1.6" />
        <path d="M6 18l3.5-4 2.5 2.5 2-2 4 3.5z" />
      </>
    ),
  },
  audio: {
    colour: '#6a3fb5',
    mark: <path d="M9 17.5a1.8 1.8 0 1 1-1-1.6V10l7-1.5v7.2a1.8 1.8 0 1 1-1-1.6V10.2l-5 1.1z" />,
  },
  pdf: { colour: '#b3261e', mark: <text x="12" y="17" textAnchor="middle" fontSize="5.5" fontWeight="700">PDF</text> },
  document: { colour: '#1f5fbf', mark: <text x="12" y="17" textAnchor="middle" fontSize="6" fontWeight="700">W</text> },
  spreadsheet: { colour: '#1e7a3a', mark: <text x="12" y="17" textAnchor="middle" fontSize="6" fontWeight="700">X</text> },
  text: { colour: '#5a6372', mark: <path d="M7.5 11h9v1h-9zm0 2.5h9v1h-9zm0 2.5h6v1h-6z" /> },
  other: { colour: '#5a6372', mark: null },
};

/** A small document shape in the colour of the file's kind, with a mark inside. */
export function FileIcon({ kind, size = 22 }: { kind: EvidenceKind | undefined; size?: number }) {
  const glyph = GLYPHS[kind ?? 'other'];
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="evidence-icon">
      <path d="M5 2.5h9.5L19 7v14.5H5z" fill="#fff" stroke={glyph.colour} strokeWidth="1.2" />
      <path d="M14.5 2.5V7H19" fill="none" stroke={glyph.colour} strokeWidth="1.2" />
      <g fill={glyph.colour}>{glyph.mark}</g>
    </svg>
  );
}
