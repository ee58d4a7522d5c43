import type { RendererDomain } from '../../frame/contributions';
import { TherapyCaseSection } from './case-file/TherapyCaseSection';
import { therapyAdminSections, therapyNotesSections } from './notes/sections';
import { therapySections, therapySettingsSections } from './sections';

export const therapyDomain: RendererDomain = {
  name: 'therapy',
  sections: [...therapySections, ...therapyNotesSections],
  // The administrator's rules and clinical policy come after everyone's own sections, so the
  // administrator's home stays Users.
  settingsSections: [...therapySettingsSections, ...therapyAdminSections],
  // Plans, schedule and attendance, after the legal events and before the timeline.
  caseFileSections: [
    {
      id: 'case-therapy',
      order: 90,
      Section: ({ file }) => <TherapyCaseSection childId={file.child.id} />,
      queries: (childId) => [
        ['therapy.plans', { childId }],
        ['therapy.history', { childId }],
      ],
    },
  ],
};
