// The seam for what session notes add to the therapist's Today screen (notes still to sign,
// risk flags to follow up): each is a panel with its own h2, listed here in order.
import type { ComponentType } from 'react';

export const TODAY_PANELS: readonly ComponentType[] = [];
