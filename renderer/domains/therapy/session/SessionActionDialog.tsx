// The dialog a session row's action opens (attendance, change, cancel), wherever the row is.
import type { TherapySession } from '../../../../shared/therapy/contract';
import { CancelDialog, ChangeDialog, RecordDialog } from './SessionDialogs';
import type { SessionAction } from './SessionTable';

export interface OpenSessionAction {
  kind: SessionAction;
  session: TherapySession;
}

export function SessionActionDialog({
  open,
  timeZone,
  showComponents,
  onClose,
  onDone,
}: {
  open: OpenSessionAction;
  timeZone: string;
  /** Whether attendance asks which PRACTICE components the session covered (TF-CBT). */
  showComponents: (session: TherapySession) => boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const props = { session: open.session, timeZone, onClose, onDone };
  switch (open.kind) {
    case 'record':
      return <RecordDialog {...props} showComponents={showComponents(open.session)} />;
    case 'change':
      return <ChangeDialog {...props} />;
    case 'cancel':
      return <CancelDialog {...props} />;
  }
}
