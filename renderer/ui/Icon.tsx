/**
 * Icons as inline SVG drawn in the text colour. Glyphs such as ⏸ ◷ or emoji come out as empty boxes on a
 * branch PC without an emoji or symbol font, so the app draws every icon itself.
 */
const PATHS = {
  bell: 'M8 2.5a3.5 3.5 0 0 0-3.5 3.5v2.6L3 10.8v.7h10v-.7l-1.5-2.2V6A3.5 3.5 0 0 0 8 2.5ZM6.5 12.5a1.5 1.5 0 0 0 3 0',
  user: 'M8 8a2.75 2.75 0 1 0 0-5.5A2.75 2.75 0 0 0 8 8Zm-5 5.5c0-2.5 2.2-4 5-4s5 1.5 5 4',
  check: 'M3 8.5l3.2 3L13 4.5',
  cross: 'M4 4l8 8M12 4l-8 8',
  clock: 'M8 2.5a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11ZM8 5v3.2l2.2 1.3',
  alert: 'M8 3.5v6M8 12v.5',
  pause: 'M6 4v8M10 4v8',
  dash: 'M4.5 8h7',
  dot: 'M8 6a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z',
  back: 'M13 8H3.5M7.5 4L3.5 8l4 4',
  chevronDown: 'M4 6l4 4 4-4',
  sortUp: 'M4.5 10L8 5.5l3.5 4.5',
  sortDown: 'M4.5 6L8 10.5 11.5 6',
  cloud: 'M4.6 12.5h6.9a2.6 2.6 0 0 0 .3-5.2A3.6 3.6 0 0 0 4.9 6.6a3 3 0 0 0-.3 5.9Z',
  refresh: 'M12.8 8a4.8 4.8 0 1 1-1.4-3.4M12 2.8v2.4H9.6',
} as const;

export type IconName = keyof typeof PATHS;

/** Filled rather than stroked, so they read as solid shapes at small sizes. */
const FILLED: ReadonlySet<IconName> = new Set(['dot']);

/** A decorative icon, 1em square by default; give the text beside it (or the button's label) the meaning. */
export function Icon({ name, size = '1em', className }: { name: IconName; size?: string; className?: string }) {
  const filled = FILLED.has(name);
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke={filled ? 'none' : 'currentColor'}
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
