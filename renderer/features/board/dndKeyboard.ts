import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * dnd-kit's keyboard sensor moves a lifted card 25 px per arrow press; on the board a press should land on the
 * next column instead. Left / right jump to the neighbouring column's left edge, keeping the height.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { currentCoordinates, context }) => {
  if (event.code !== 'ArrowRight' && event.code !== 'ArrowLeft') return undefined;
  event.preventDefault();
  const lefts = [...context.droppableRects.values()].map((rect) => rect.left).sort((a, b) => a - b);
  const x = currentCoordinates.x;
  const next = event.code === 'ArrowRight' ? lefts.find((left) => left > x + 10) : [...lefts].reverse().find((left) => left < x - 10);
  return next === undefined ? currentCoordinates : { x: next + 4, y: currentCoordinates.y };
};
