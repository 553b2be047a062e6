/**
 * A button that opens a panel (a menu of checkboxes, saved views, columns): its open state, the
 * ids and refs that tie the two together, and the two ways every such panel closes: a press
 * outside it, and Esc, which closes the panel only (not the session detail or the popup behind
 * it) and gives focus back to the button.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';

export function usePopover() {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  /** For the button and the panel. */
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    event.stopPropagation();
    event.preventDefault();
    close();
  };
  return { open, setOpen, close, closeOnEscape, rootRef, buttonRef, panelId };
}
