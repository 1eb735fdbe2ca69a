import type ventureZh from './venture.zh-CN'

/** Incubating community social organisations and micro venture-philanthropy rounds (issue 14 §5, R-CA-10, R-PS-02, ADR 0035). */
const ventureEn: typeof ventureZh = {
  venture: {
    menu: 'Incubation & rounds',
    title: 'Incubating community organisations and micro venture-philanthropy rounds',
    intro:
      'Every street, town or zone holds at least one micro venture-philanthropy round a year (R-PS-02); community social organisations serving groups in hardship are incubated and trained (R-CA-10).',
    obligationIntro: "Each street, town or zone owes one round a year: due at the year's end, warned from 1 October, met when that year's round is opened.",
    backToPurchasing: 'Back to purchased services',
    back: 'Back to the rounds',
    openPage: 'Incubation & rounds',
    none: 'Nothing yet',
    tabs: { rounds: 'Venture rounds', organisations: 'Incubated organisations', obligations: 'Yearly round obligation' },
    round: {
      create: 'New round', year: 'Year', town: 'Street / town / zone', title: 'Round title', description: 'Call text', budget: 'Budget',
      budgetYuan: 'Budget (yuan)', cap: 'Per-project cap', capYuan: 'Per-project cap (yuan)', window: 'Application window', applyFrom: 'Applications from',
      applyTo: 'Applications until', criteria: 'Review criteria and weights (must total 100%, now {sum}%)', criteriaList: 'Review criteria', criterion: 'Criterion',
      weight: 'Weight (%)', addCriterion: 'Add criterion', removeCriterion: 'Remove', panel: 'Review panel', panelHint: "Panel members' names, separated by commas", state: 'State',
      applicationsFunded: 'Applied / funded', view: 'Open', open: 'Publish the call', startReview: 'Close applications, start review', decide: 'Decide funding',
      close: 'Close the round', granted: 'Granted in total',
      decideHint: 'Tick the funded projects and enter each grant (yuan): total {sum}, budget {budget}; the total may not exceed the budget.',
    },
    org: {
      create: 'Register an incubated organisation', name: 'Name', kind: 'Kind', groups: 'Groups served', startedOn: 'Incubated since', hours: 'Capacity building (h)',
      leader: 'Leader', event: 'Capacity building', eventTitle: 'Record capacity building: {name}', eventOn: 'Date', topic: 'Topic', eventHours: 'Hours',
      attendees: 'Attendees', graduate: 'Graduate', file: 'File (备案)', withdraw: 'Withdraw',
    },
    app: {
      title: 'Applications and review', create: 'Record an application', organisation: 'Applicant (incubated organisation)', kind: "Applicant's kind",
      applicant: 'Applicant', project: 'Project', category: 'Category', summary: 'Summary', amount: 'Amount asked', amountYuan: 'Amount asked (yuan)',
      beneficiaries: 'Beneficiaries', score: 'Mean score', sheets: '{n} sheets', scoreIt: 'Score', scoreTitle: 'Score: {name}', reviewer: 'Reviewer',
      comment: 'Comment',
    },
    project: {
      title: 'Funded projects', granted: 'Grant', addProgress: 'Add progress', complete: 'Complete', result: 'Result', on: 'Date', text: 'Progress',
      file: 'Photo or file',
    },
    deadline: { dueAt: 'Due', warnAt: 'Warned from', lateReason: 'Late reason' },
    enums: {
      kind: {
        SocialOrganisation: 'Social organisation', CommunitySocialOrganisation: 'Community social organisation',
        ResidentsCommitteeSubcommittee: "Residents' committee subcommittee", BuildingTeam: 'Building team',
      },
      group: {
        SubsistenceAllowance: 'Subsistence allowance', ExtremelyPoor: 'Extremely poor', EmptyNestElderly: 'Empty-nest elderly', LeftBehind: 'Left-behind',
        ChildrenInDifficulty: 'Children in difficulty', Disabled: 'Disabled people', FamiliesInHardship: 'Families in hardship', Residents: 'Residents',
      },
      category: {
        ElderlyCare: 'Elderly care', ChildrenAndYouth: 'Children and youth', SocialAssistance: 'Social assistance', CommunityConsultation: 'Community consultation',
        BuildingSelfGovernance: 'Building self-governance', Other: 'Other',
      },
      orgState: { Incubating: 'Incubating', Graduated: 'Graduated', Filed: 'Filed', Withdrawn: 'Withdrawn' },
      roundState: { Draft: 'Draft', Open: 'Open', Reviewing: 'In review', Decided: 'Decided', Closed: 'Closed' },
      appState: { Submitted: 'Submitted', Funded: 'Funded', NotFunded: 'Not funded', Completed: 'Completed' },
      deadline: { Open: 'Open', DueSoon: 'Due soon', Overdue: 'Overdue', Met: 'Met', MetLate: 'Met late', Cancelled: 'Cancelled' },
    },
  },
}

export default ventureEn
