// The lists other domains add to Today (follow-up visits overdue, outcomes due, documents due):
// one page at a time with the true total, filtered by the shelter Today's own filter names, so
// no list silently stops at a limit and the page never grows with the caseload.
import { z } from 'zod';
import { idOf } from './ids';

/** Rows a panel shows per page: the panels sit under Today's own lists, so they stay short. */
export const TODAY_PANEL_PAGE_SIZE = 10;

export const todayPanelInput = z.strictObject({
  /** Only children placed in this shelter now. */
  shelterId: idOf('shelter').optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(100).default(TODAY_PANEL_PAGE_SIZE),
});

export type TodayPanelQuery = z.output<typeof todayPanelInput>;

/** Every row names its child by case code and alias, never by name. */
export interface TodayCaseRow {
  childId: string;
  caseCode: string;
  alias: string;
}

export interface TodayPanelPage<Row extends TodayCaseRow> {
  items: Row[];
  /** Every row there is, not only this page's. */
  total: number;
}
