import type purchasingZh from './purchasing.zh-CN'

/** Government purchase of community services (issue 14, seed 004): packages, tenders, contracts and instalments, reports, evaluation, rectification, penalties. */
const purchasingEn: typeof purchasingZh = {
  purchasing: {
    menu: 'Purchased services',
    evaluationsMenu: 'Service evaluations',
    title: 'Government purchase of community services',
    intro: 'Service packages, tender results and purchase contracts; contract money is paid in instalments tied to acceptance (R-PS-06, R-PS-08).',
    tabs: { packages: 'Packages', contracts: 'Contracts', figures: 'Supervision' },
    none: 'Nothing yet',
    package: {
      name: 'Package', period: 'Service period', contents: 'Services', communities: 'Communities', towns: 'Streets, towns, zones',
      workersNeeded: 'Workstation social workers needed', managers: 'Project managers', supervisors: 'Supervisors', tender: 'Tender', contract: 'Contract',
      create: 'New package', periodStart: 'Period from', periodEnd: 'Period to', pickCommunities: 'Communities (each in one package per period)',
      note: 'Note', tendered: 'Tendered', recordTender: 'Record the tender', sign: 'Sign the contract', signed: 'Signed',
    },
    tender: {
      title: 'Tender result: {name}', method: 'Procurement method', heldOn: 'Opened on', agency: 'Agency', bidders: 'Bidders and bids (yuan)',
      bidder: 'Bidder', bid: 'Bid (yuan)', addBidder: 'Add a bidder', winner: 'Winner', amount: 'Winning amount (yuan)',
    },
    contract: {
      summary: 'Performance summary',
      number: 'Contract', agreementNumber: 'Agreement no.', contractor: 'Contractor', package: 'Package', term: 'Term', amount: 'Amount',
      budgetYear: 'Budget year', signedOn: 'Signed on', state: 'State', open: 'Open',
      signTitle: 'Sign the purchase contract: {name}', termStart: 'Term from', termEnd: 'Term to', instalments: 'Instalments (adding up to the amount)',
      instalmentName: 'Instalment', instalmentAmount: 'Amount (yuan)', milestone: 'Acceptance', plannedOn: 'Planned on', addInstalment: 'Add an instalment',
      indicators: 'Performance indicators', indicatorName: 'Indicator', indicatorTarget: 'Target', inspectionPlan: 'Inspection plan', penaltyClauses: 'Penalty clauses',
      clauseCode: 'Clause', clauseText: 'Text', clauseMax: 'Maximum (yuan)', back: 'Back to contracts', documents: 'Documents',
    },
    funds: {
      title: 'Purchased-service money', none: 'No purchased-service money recorded yet', receive: 'Record money received', received: 'Receipt recorded',
      source: 'Source', amount: 'Amount (yuan)', reference: 'Voucher number', description: 'Description',
      hint: 'Purchased-service money is ring-fenced (R-FD-07): it pays the instalments of purchase contracts and nothing else.',
    },
    payment: {
      title: 'Payments', at: 'Paid at', amount: 'Amount', by: 'By', paid: 'Paid', reversed: 'Reversed', reversal: 'Reversal', reverse: 'Reverse',
      reverseReason: 'Why is it reversed (a wrong voucher number, a wrong amount)?',
    },
    figures: {
      download: 'Export the supervision table (Excel)', package: 'Package', contract: 'Contract / contractor', noContract: 'No contract signed',
      staff: 'Staffing', staffText: '{c} communities: {w} workers, {m} manager(s), {s} supervisor(s)', reports: 'Reports',
      reportsText: '{due} due, {onTime} on time, {late} late, {missing} missing', evaluation: 'Evaluation', rectifications: 'Open rectifications',
      overdue: '{n} overdue', penalty: 'Penalties', paid: 'Paid / amount',
      stations: 'Stations', stationsIntro: 'A social-service workstation needs workers for its communities at the jurisdiction\'s ratio (R-PS-04); its workers\' pre-job and this year\'s continuing training (R-CA-03); its contract\'s reports, evaluation and rectifications.',
      station: 'Station', kind: { CivilAffairsStation: 'Civil-affairs station', SocialServiceWorkstation: 'Social-service workstation' }, staffing: 'Staffing',
      staffingText: '{c} communities: {n} needed, {w} in post', staffingNoRatio: '{c} communities, {w} in post', short: '{n} short',
      preJob: 'Pre-job training done', preJobHint: '{h} hours', continuing: 'Continuing education', continuingText: '{n} short', continuingHint: '{h} hours in {y}',
      onTime: 'Reports on time',
    },
    instalment: {
      title: 'Instalments', seq: 'No.', name: 'Instalment', amount: 'Amount', milestone: 'Acceptance', state: 'State', penalty: 'Penalties', due: 'Payable',
      pay: 'Pay', paid: 'Instalment paid', paidAmount: 'Paid', payTitle: 'Pay "{name}"', account: 'Paying account (purchased-service money)', source: 'Source',
      payAmount: 'Amount to pay (yuan)', reference: 'Voucher number',
      payHint: 'Contract amount {amount}, less penalties {penalty}, paid {paid}: {due} can still be paid. Purchased-service money is ring-fenced and paid only from a purchased-service account.',
      noAccount: 'No purchased-service account with money yet: open one under Funds and record the money received first.',
      accept: 'Accept', accepted: 'Accepted', confirmAccept: 'Accept "{name}"? Once accepted it may be paid, less its penalties.',
    },
    report: {
      title: 'Reports', kind: 'Report', period: 'Period', dueAt: 'Due', state: 'State', filedAt: 'Filed at', late: 'Filed late',
      overdue: 'Overdue', file: 'File', fileTitle: 'File the {name}', peopleServed: 'People served', serviceSessions: 'Service sessions', activities: 'Activities',
      homeVisits: 'Home visits', highlights: 'Work done', problems: 'Problems', nextPlan: 'Next steps', attachment: 'Report file',
      lateReason: 'Reason for the delay', lateHint: 'The deadline has passed: give the reason for the delay', acknowledge: 'Acknowledge', acknowledged: 'Acknowledged',
      awaiting: 'Awaiting acknowledgement', filed: 'Filed', lateWarned: 'Report filed late; the reason is recorded',
    },
    survey: {
      count: '{n} entered / at least {min}', result: 'Survey score {score}, {rate}% satisfied (the satisfaction indicators\' score)',
      short: '{n} more needed before the satisfaction indicators have a score', enter: 'Enter a questionnaire', recorded: 'Entered; {n} in all',
      fromSurvey: 'From the satisfaction survey',
      aspect: {
        overall: 'Overall', quality: 'Quality of service', effect: 'Effect', attitude: 'Attitude', efficiency: 'Efficiency', closeness: 'Meets needs',
        openness: 'Openness',
      },
    },
    evaluation: {
      report: 'Evaluation report',
      title: 'Third-party evaluation', evaluator: 'Evaluator', state: 'State', total: 'Total', grade: 'Grade', commission: 'Commission', accept: 'Accept the result',
      indicators: 'Indicators (weights add up to 100%; effect and satisfaction at least their minimum)', indicator: 'Indicator', category: 'Category', weight: 'Weight (%)',
      criteria: 'Criteria', score: 'Score (0–100)', comment: 'Comment', dueOn: 'Due on', survey: 'Beneficiaries\' satisfaction survey', respondents: 'Respondents',
      satisfaction: 'Satisfied (%)', summary: 'Conclusion', findings: 'Findings', finding: 'Finding', findingDue: 'Rectify by', addFinding: 'Add a finding',
      scoreTitle: 'Score: {number}', scored: 'Scores saved', minimum: 'Effect at least {effect}%, satisfaction at least {satisfaction}%', noEvaluator: 'Choose an evaluator',
      enter: 'Score', view: 'Open', intro: 'The purchase contracts the bureau commissioned you to evaluate. You may change the scores until the bureau accepts them; its findings then become rectifications.',
    },
    rectification: {
      title: 'Rectifications', finding: 'Finding', dueOn: 'Due on', state: 'State', evidence: 'What was done', submit: 'Submit evidence',
      review: 'Review', close: 'Close it', returnIt: 'Send back', note: 'Review note', newDueOn: 'New due date', overdue: 'Overdue',
      evidenceTitle: 'Submit the rectification', files: 'Evidence files',
    },
    penalty: {
      title: 'Penalties', record: 'Record a penalty', clause: 'Clause', amount: 'Amount (yuan)', reason: 'Reason', instalment: 'Deducted from',
      recorded: 'Recorded; deducted from the next instalment due',
    },
    enums: {
      content: {
        ElderlyCare: 'Community elderly care', YouthServices: 'Youth services', SocialAssistance: 'Social assistance', RetiredWorkerVisits: 'Visits to retirees',
        CentreOperation: 'Running the community centre', OrganisationIncubation: 'Incubating social organisations', VentureRounds: 'Micro venture philanthropy',
        OtherPublicWelfare: 'Other public-welfare services',
      },
      method: {
        PublicTender: 'Public tender', InvitedTender: 'Invited tender', CompetitiveNegotiation: 'Competitive negotiation',
        CompetitiveConsultation: 'Competitive consultation', Inquiry: 'Request for quotation', SingleSource: 'Single source',
      },
      milestone: { OnSigning: 'On signing', MidTermAcceptance: 'After mid-term acceptance', FinalAcceptance: 'After final acceptance' },
      contractState: { Active: 'In force', Completed: 'Completed' },
      instalmentState: { Pending: 'Awaiting acceptance', Accepted: 'Accepted' },
      reportKind: { MonthlyBrief: 'Monthly brief', MidTermReport: 'Mid-term report', FinalReport: 'Final report', MajorEvent: 'Major event' },
      reportState: { Due: 'Due', Filed: 'Filed' },
      evaluationState: { Commissioned: 'Commissioned', Scored: 'Scored', Accepted: 'Accepted' },
      rectificationState: { Open: 'Open', EvidenceSubmitted: 'Evidence submitted', Closed: 'Closed' },
      category: { Effect: 'Real effect', Satisfaction: 'Satisfaction', Process: 'Process', Finance: 'Finance', Other: 'Other' },
    },
  },
}

export default purchasingEn
