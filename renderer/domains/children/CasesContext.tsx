// State the case screens share while the user stays in "Children": the list's search and page
// (so coming back from a case file finds the same list) and the privacy-screen switch. It lives
// in React state only, so it is gone with everything else when Aruga locks.
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ChildStatus } from '../../../shared/children/vocabulary';

export interface ListFilters {
  text: string;
  status: '' | ChildStatus;
  shelterId: string;
  caseworkerId: string;
}

export const NO_FILTERS: ListFilters = { text: '', status: '', shelterId: '', caseworkerId: '' };

interface CasesState {
  filters: ListFilters;
  setFilters: (filters: ListFilters) => void;
  page: number;
  setPage: (page: number) => void;
  /** When on (the default), names on a case file stay hidden until "Show name". */
  privacyScreen: boolean;
  setPrivacyScreen: (on: boolean) => void;
}

const CasesContext = createContext<CasesState | null>(null);

export function CasesStateProvider({ children }: { children: ReactNode }) {
  const [filters, setFilterState] = useState<ListFilters>(NO_FILTERS);
  const [page, setPage] = useState(0);
  const [privacyScreen, setPrivacyScreen] = useState(true);
  const value = useMemo<CasesState>(
    () => ({
      filters,
      // New filters start from the first page.
      setFilters: (next) => {
        setFilterState(next);
        setPage(0);
      },
      page,
      setPage,
      privacyScreen,
      setPrivacyScreen,
    }),
    [filters, page, privacyScreen],
  );
  return <CasesContext.Provider value={value}>{children}</CasesContext.Provider>;
}

export function useCasesState(): CasesState {
  const value = useContext(CasesContext);
  if (!value) throw new Error('useCasesState outside CasesStateProvider');
  return value;
}
