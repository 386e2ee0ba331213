import {
  type CSSProperties,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useRef,
} from 'react';

interface ModalProps {
  /** Id of the element that names the dialog. */
  labelledBy: string;
  className?: string;
  style?: CSSProperties;
  onClose: () => void;
  onKeyDown?: (event: KeyboardEvent<HTMLDialogElement>) => void;
  children: ReactNode;
}

/**
 * A native modal dialog, open while mounted: it traps focus, closes on Esc and on
 * a click of the backdrop, and gives focus back to what opened it on unmount.
 */
export function Modal({ labelledBy, className, style, onClose, onKeyDown, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, []);

  const onBackdrop = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) onClose();
  };

  return (
    // Esc arrives as `cancel`; the native close is cancelled so React stays in charge of unmounting.
    <dialog
      ref={ref}
      className={['emoji-dialog', className].filter(Boolean).join(' ')}
      style={style}
      aria-labelledby={labelledBy}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={onBackdrop}
      onKeyDown={onKeyDown}
    >
      {children}
    </dialog>
  );
}
