import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useT } from '../../i18n/use-i18n';
import { LIST_WIDTH_MAX, LIST_WIDTH_MIN } from './list-width';
import { useChats } from './chats-store';

const STEP = 16;

/** The chat list's right edge: drag it, or focus it and use ← → (Home/End for the limits). */
export function ListResizer() {
  const t = useT();
  const width = useChats((state) => state.listWidth);
  const setWidth = useChats((state) => state.setListWidth);
  const drag = useRef<{ startX: number; startWidth: number } | null>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next =
      event.key === 'ArrowLeft' || event.key === 'ArrowDown'
        ? width - STEP
        : event.key === 'ArrowRight' || event.key === 'ArrowUp'
          ? width + STEP
          : event.key === 'Home'
            ? LIST_WIDTH_MIN
            : event.key === 'End'
              ? LIST_WIDTH_MAX
              : null;
    if (next === null) return;
    event.preventDefault();
    setWidth(next);
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return;
    setWidth(drag.current.startWidth + event.clientX - drag.current.startX);
  };
  const onPointerUp = () => {
    drag.current = null;
  };

  return (
    <div
      className="list-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('chatList.resize')}
      aria-valuemin={LIST_WIDTH_MIN}
      aria-valuemax={LIST_WIDTH_MAX}
      aria-valuenow={width}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}
