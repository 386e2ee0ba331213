import { type ReactNode, useId } from 'react';
import { Modal } from './Modal.tsx';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  /** Shown under the buttons when the confirmed action failed. */
  error?: ReactNode;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter alone never confirms. */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} className="emoji-dialog--confirm" onClose={onCancel}>
      <div className="emoji-dialog__panel" role="alertdialog" aria-labelledby={titleId}>
        <h2 id={titleId} className="emoji-dialog__title">
          {title}
        </h2>
        <div className="confirm__body">{children}</div>
        {error}
        <div className="emoji-dialog__foot confirm__foot">
          {/* biome-ignore lint/a11y/noAutofocus: the safe choice takes the focus in a confirm dialog. */}
          <button type="button" className="button button--ghost" onClick={onCancel} autoFocus>
            Cancel
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
            {busy ? 'Deleting…' : confirmLabel}
          </button>
        </div>
      </div>
    </Modal>
  );
}
