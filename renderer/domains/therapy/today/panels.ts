// What session notes add to the therapist's Today screen, after today's sessions: notes still to
// sign, then the concerns raised that are still open. Each is a panel with its own h2.
import type { ComponentType } from 'react';
import { NotesToSignPanel } from '../notes/NotesToSignPanel';
import { OpenFlagsPanel } from '../notes/OpenFlagsPanel';

export const TODAY_PANELS: readonly ComponentType[] = [NotesToSignPanel, OpenFlagsPanel];
