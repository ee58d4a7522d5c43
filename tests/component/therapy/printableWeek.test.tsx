// The calendar's printed week reads the 24-hour clock (14:00), as every printout does; the
// calendar on screen keeps AM/PM.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { timeRange } from '../../../renderer/domains/therapy/calendar/format';
import { PrintableWeek } from '../../../renderer/domains/therapy/calendar/PrintableWeek';

const ZONE = 'Asia/Manila';
const entry = (id: string, start: string, end: string) => ({
  id,
  start,
  end,
  title: 'AR-2026-0007 (M.S.)',
  status: 'scheduled' as const,
  therapistName: 'Fictional Therapist Cruz',
  room: null,
});

describe('the printed week', () => {
  it('prints session times on the 24-hour clock', () => {
    const { container } = render(
      <PrintableWeek
        heading="Week of 03/02/2026"
        subject="Fictional Therapist Cruz"
        timeZone={ZONE}
        entries={[
          entry('a', '2026-03-05T01:00:00.000Z', '2026-03-05T02:00:00.000Z'),
          entry('b', '2026-03-05T06:00:00.000Z', '2026-03-05T07:30:00.000Z'),
        ]}
      />,
    );
    const times = [...container.querySelectorAll('tbody tr')].map(
      (row) => row.querySelectorAll('td')[1]?.textContent,
    );
    expect(times).toEqual(['09:00–10:00', '14:00–15:30']);
    expect(container.textContent).not.toMatch(/AM|PM/);
    // The same session on screen.
    expect(timeRange('2026-03-05T06:00:00.000Z', '2026-03-05T07:30:00.000Z', ZONE)).toBe(
      '2:00 PM – 3:30 PM',
    );
  });
});
