// The keyboard shortcuts cheat-sheet, opened with `?` or from the header. It lists SHORTCUTS, the
// same list the key handlers read.
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../hooks/shortcuts';
import { Dialog } from '../ui/Dialog';
import { DialogActions } from '../ui/DialogActions';

export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <table className="shortcuts-table" aria-label={t('shortcuts.title')}>
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.keys')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.id}>
              <td>
                <kbd>{shortcut.keys.join('+')}</kbd>
              </td>
              <td>{t(`shortcuts.${shortcut.id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('shortcuts.browserKeys')}</p>
      <DialogActions onClose={onClose} closeLabel={t('shortcuts.close')} />
    </Dialog>
  );
}
