import { describe, expect, it } from 'vitest'
import type { DeadlineView } from '@/api/deadlines'
import type { AllowedStep } from '@/api/projects'
import type { OrganizationNode } from '@/api/organizations'
import type { TrackingView } from '@/api/public'
import { appealActionsFor, appealMeetsFor, overdueFor, projectActionsFor, stepMeets } from '@/utils/actions'
import { groupDeadlines, subjectLink, workSections } from '@/utils/deadlines'
import { placesInScope } from '@/utils/orgTree'
import { normalizeTrackingNumber, trackingSteps } from '@/utils/tracking'
import { renderTemplate, unknownPlaceholders } from '@/utils/templates'
import { timelineDetail, timelineTimeLeft, timelineTitle } from '@/utils/timeline'
import { newKey } from '@/utils/ids'

const label = (k: string) => `«${k}»`

function deadline(p: Partial<DeadlineView>): DeadlineView {
  return {
    id: 'd', obligation: 'Acknowledge', ruleId: 'R-MS-02', zh: '接收诉求并反馈接收情况', en: 'Acknowledge', subjectType: 'Appeal', subjectId: 'a1',
    subjectRef: 'GJ261123AAAAAA', responsibleOrgId: 'v', responsibleOrgName: '岗贝社区', startsAt: '2026-11-22T00:00:00Z', dueAt: '2026-11-24T00:00:00Z',
    warnAt: '2026-11-23T00:00:00Z', metAt: null, lateReason: null, cancelledAt: null, status: 'Open', secondsLeft: 0, ...p,
  }
}

describe('allowed actions → forms', () => {
  it('maps the API’s actions to one form each, in the order of the process, and ignores unknown ones', () => {
    expect(appealActionsFor(['RecordCommitteeDecision', 'Acknowledge']).map((a) => a.form)).toEqual(['acknowledge', 'committee'])
    expect(projectActionsFor(['ReportProgress', 'Complete', 'SomethingNew']).map((a) => [a.action, a.form, a.primary])).toEqual([
      ['ReportProgress', 'progress', false],
      ['Complete', 'complete', true],
    ])
    expect(projectActionsFor(['RecordConsultation', 'RecordAssemblyVote']).map((a) => a.form)).toEqual(['consultation', 'assemblyVote'])
    expect(projectActionsFor(['FileCompletion', 'RecordSurveyResponse', 'FinishSurvey']).map((a) => a.form)).toEqual(['surveyResponse', 'completion', 'finishSurvey'])
    // R-MS-19: the town's final accounts of a closed project have their own form.
    expect(projectActionsFor(['RecordFinalAccounts']).map((a) => [a.form, a.primary])).toEqual([['finalAccounts', true]])
    // Recorded once: the table still lists the step on the closed project, the page no longer offers it.
    expect(projectActionsFor(['RecordFinalAccounts'], { finalAccountsAt: null })).toHaveLength(1)
    expect(projectActionsFor(['RecordFinalAccounts'], { finalAccountsAt: '2027-02-01T02:00:00Z' })).toEqual([])
    expect(projectActionsFor([])).toEqual([])
  })

  it('takes the deadlines a step meets from the record’s own allowed steps', () => {
    // What ProjectDetail.steps says for a small project the village may close: its rows meet the completion form.
    const steps: AllowedStep[] = [
      { action: 'RecordSurveyResponse', zh: '村（社区）组织满意度测评', meets: [], outcomes: [] },
      { action: 'FileCompletion', zh: '填报结项表（含满意度测评），项目办结', meets: ['CompletionForm'], outcomes: [] },
      { action: 'Review', zh: '镇（街道）牵头部门审核', meets: ['TownReview'], outcomes: ['ProgrammeFunding', 'PolicyReferral', 'ReturnToVillage', 'Rejected'] },
    ]
    expect(stepMeets(steps, 'FileCompletion')).toEqual(['CompletionForm'])
    expect(stepMeets(steps, 'Review')).toEqual(['TownReview'])
    expect(stepMeets(steps, 'RecordSurveyResponse')).toEqual([])
    // A step the caller may not take now meets nothing on its form.
    expect(stepMeets(steps, 'FinishSurvey')).toEqual([])
    expect(stepMeets(undefined, 'Review')).toEqual([])
    // The copy is the form's own: changing it leaves the project as it was.
    stepMeets(steps, 'Review').push('X')
    expect(steps[2].meets).toEqual(['TownReview'])
    expect(appealMeetsFor('RecordCommitteeDecision')).toEqual(['CommitteeMeeting'])
  })

  it('asks for a late reason when a met deadline is past due now, whatever date the event is given (backdating)', () => {
    const now = new Date('2026-11-25T00:00:00Z')
    const rows = [
      deadline({ id: '1', obligation: 'Acknowledge', dueAt: '2026-11-24T00:00:00Z', status: 'Overdue' }),
      deadline({ id: '2', obligation: 'CommitteeMeeting', dueAt: '2026-11-27T15:59:59Z' }),
      deadline({ id: '3', obligation: 'Acknowledge', dueAt: '2026-11-20T00:00:00Z', metAt: '2026-11-19T00:00:00Z', status: 'Met' }),
      deadline({ id: '4', obligation: 'Consultation', dueAt: '2026-11-24T15:59:59Z', status: 'Overdue' }),
      deadline({ id: '5', obligation: 'Consultation', dueAt: '2026-11-20T00:00:00Z', cancelledAt: '2026-11-21T00:00:00Z', status: 'Cancelled' }),
    ]
    expect(overdueFor(rows, ['Acknowledge'], now).map((d) => d.id)).toEqual(['1'])
    expect(overdueFor(rows, ['CommitteeMeeting'], now)).toEqual([])
    // Judged by when the step is recorded (issue 12): a consultation held on the 23rd but entered on the 25th is late, so the
    // reason is asked up front (the API answers 400 late_reason_required otherwise); a cancelled deadline asks nothing.
    expect(overdueFor(rows, ['Consultation'], now).map((d) => d.id)).toEqual(['4'])
    expect(overdueFor(rows, ['CommitteeMeeting'], new Date('2026-11-28T00:00:00Z')).map((d) => d.id)).toEqual(['2'])
    expect(overdueFor(rows, [], now)).toEqual([])
  })
})

describe('我的工作: deadline groups', () => {
  // 10:00 Beijing time on 25 November 2026.
  const now = new Date('2026-11-25T02:00:00Z')

  it('puts overdue first, then due today (Beijing date), soon and later, each earliest first', () => {
    const rows = [
      deadline({ id: 'later', dueAt: '2026-12-20T15:59:59Z' }),
      deadline({ id: 'today', dueAt: '2026-11-25T15:59:59Z' }),
      deadline({ id: 'over2', dueAt: '2026-11-25T01:00:00Z', status: 'Overdue' }),
      deadline({ id: 'over1', dueAt: '2026-11-20T00:00:00Z', status: 'Overdue' }),
      deadline({ id: 'soon', dueAt: '2026-11-26T15:59:59Z' }),
      deadline({ id: 'warned', dueAt: '2026-12-01T15:59:59Z', status: 'DueSoon' }),
      deadline({ id: 'met', dueAt: '2026-11-26T00:00:00Z', metAt: '2026-11-24T00:00:00Z', status: 'Met' }),
      deadline({ id: 'over1', dueAt: '2026-11-20T00:00:00Z', status: 'Overdue' }),
    ]
    const g = groupDeadlines(rows, now)
    expect(g.overdue.map((d) => d.id)).toEqual(['over1', 'over2'])
    expect(g.today.map((d) => d.id)).toEqual(['today'])
    expect(g.soon.map((d) => d.id)).toEqual(['soon', 'warned'])
    expect(g.later.map((d) => d.id)).toEqual(['later'])
  })

  it('is due today by the Beijing date even when UTC says tomorrow', () => {
    // 23:30 Beijing on the 25th is 15:30 UTC the same day; 00:30 Beijing on the 26th is 16:30 UTC on the 25th.
    const g = groupDeadlines([deadline({ id: 'a', dueAt: '2026-11-25T15:30:00Z' }), deadline({ id: 'b', dueAt: '2026-11-25T16:30:00Z' })], now)
    expect(g.today.map((d) => d.id)).toEqual(['a'])
    expect(g.soon.map((d) => d.id)).toEqual(['b'])
  })

  it('links each deadline to its appeal, project or plan', () => {
    expect(subjectLink({ subjectType: 'Appeal', subjectId: 'a1' })).toEqual({ name: 'appeal', params: { id: 'a1' } })
    expect(subjectLink({ subjectType: 'MicroProject', subjectId: 'p1' })).toEqual({ name: 'project', params: { id: 'p1' } })
    expect(subjectLink({ subjectType: 'CollectionCampaign', subjectId: 'c1' })).toEqual({ name: 'annual-plan' })
    // R-IN-02, R-MS-17: a town's yearly duties hang on its year, which has no page: they lead to the annual plan.
    expect(subjectLink({ subjectType: 'TownYear', subjectId: '000007eb-0000-0000-0000-000000000001' })).toEqual({ name: 'annual-plan' })
    expect(subjectLink({ subjectType: 'MicroWish', subjectId: 'w1' })).toEqual({ name: 'wish', params: { id: 'w1' } })
    expect(subjectLink({ subjectType: 'Other', subjectId: 'x' })).toBeNull()
  })
})

describe('tracking stages', () => {
  const base: TrackingView = {
    trackingNumber: 'GJ261123ABCDEF', title: '路灯不亮', channelZh: '“莞家政务”微信公众号', receivedAt: '2026-11-23T02:00:00Z', stateZh: '已接收，待研究',
    projectNumber: null, messages: [],
    stages: [
      { stage: 'Received', zh: '诉求已受理并交派', at: '2026-11-23T02:00:00Z', done: true },
      { stage: 'Acknowledged', zh: '村（社区）已接收', at: '2026-11-23T03:00:00Z', done: true },
      { stage: 'Decided', zh: '“两委”联席会议研究', at: null, done: false },
    ],
  }

  it('finishes the stages done with their Beijing dates and puts the next one in progress', () => {
    const s = trackingSteps(base)
    expect(s.active).toBe(2)
    expect(s.steps.map((x) => x.status)).toEqual(['success', 'success', 'process'])
    expect(s.steps[1].description).toBe('2026年11月23日 11:00')
    expect(s.steps[2].description).toBe('')
    expect(trackingSteps(base, 'en-US').steps[0].description).toBe('2026-11-23 10:00')
  })

  it('ends at the outcome when the appeal stops early, and ticks a closed project through', () => {
    const ended = trackingSteps({
      ...base, stateZh: '不属于受理范围',
      stages: base.stages.map((s) => (s.stage === 'Decided' ? { ...s, done: true, at: '2026-11-24T02:00:00Z' } : s)),
    })
    expect(ended.ended).toBe(true)
    expect(ended.steps).toHaveLength(3)
    expect(ended.steps[2].description).toContain('不属于受理范围')
    expect(ended.steps.map((x) => x.status)).toEqual(['success', 'success', 'finish'])
    const closed = trackingSteps({
      ...base, stateZh: '已办结',
      stages: [...base.stages.map((s) => ({ ...s, done: true, at: s.at ?? '2026-11-24T02:00:00Z' })), { stage: 'Closed', zh: '办结并公示结果', at: '2027-01-20T02:00:00Z', done: true }],
    })
    expect(closed.steps.at(-1)?.status).toBe('success')
    expect(closed.active).toBe(4)
  })

  it('normalises a typed number', () => {
    expect(normalizeTrackingNumber(' gj2611 23abcdef ')).toBe('GJ261123ABCDEF')
  })
})

describe('places in scope', () => {
  const tree: OrganizationNode[] = [
    {
      id: 'city', code: '441900', name: '东莞市', kind: 'City', economicClass: null, isPilot: false,
      children: [
        {
          id: 'dc', code: '441900003', name: '东城街道', kind: 'Street', economicClass: 1, isPilot: false,
          children: [
            { id: 'gb', code: '441900003901', name: '岗贝社区', kind: 'Community', economicClass: null, isPilot: false, children: [] },
            { id: 'dept', code: '441900003D01', name: '财政分局', kind: 'TownDepartment', economicClass: null, isPilot: false, children: [] },
          ],
        },
        { id: 'ca', code: '441900020', name: '长安镇', kind: 'Town', economicClass: 1, isPilot: false, children: [{ id: 'ws', code: '441900020001', name: '乌沙社区', kind: 'Community', economicClass: null, isPilot: false, children: [] }] },
      ],
    },
  ]

  it('gives the city every town, a town its villages, a village itself under its town', () => {
    expect(placesInScope(tree, '/').map((p) => [p.name, p.villages.map((v) => v.name)])).toEqual([
      ['东城街道', ['岗贝社区']],
      ['长安镇', ['乌沙社区']],
    ])
    expect(placesInScope(tree, '/441900/441900020/')).toEqual([{ id: 'ca', name: '长安镇', villages: [{ id: 'ws', name: '乌沙社区', villages: [] }] }])
    expect(placesInScope(tree, '/441900/441900003/441900003901/')).toEqual([{ id: 'dc', name: '东城街道', villages: [{ id: 'gb', name: '岗贝社区', villages: [] }] }])
    expect(placesInScope(tree, '/999/')).toEqual([])
  })
})

describe('feedback template preview', () => {
  it('fills known placeholders and leaves unknown ones visible, like the server', () => {
    expect(renderTemplate('编号{trackingNumber}，{village}，{oops}', { trackingNumber: 'GJ1', village: '岗贝社区' })).toBe('编号GJ1，岗贝社区，{oops}')
    expect(unknownPlaceholders('{a}{trackingNumber}{a}{b}', ['trackingNumber'])).toEqual(['a', 'b'])
  })
})

describe('timeline words', () => {
  it('puts the state names, feedback kinds and unlisted actions the server leaves in English into the reader’s language', () => {
    expect(timelineTitle({ kind: 'step', title: 'SubmitPublicAppeal' }, label)).toBe('«timelineAction.SubmitPublicAppeal»')
    expect(timelineTitle({ kind: 'step', title: '村（社区）接收诉求' }, label)).toBe('村（社区）接收诉求')
    expect(timelineTitle({ kind: 'message', title: '反馈：Receipt' }, label)).toBe('«appeal.messages»：«enums.feedback.Receipt»')
    expect(timelineDetail({ kind: 'step', detail: '→ Dispatched' }, label)).toBe('→ «enums.appealState.Dispatched»')
    expect(timelineDetail({ kind: 'step', detail: '→ AwaitingPublicity：四项审核均通过' }, label)).toBe('→ «enums.projectState.AwaitingPublicity»：四项审核均通过')
    expect(timelineDetail({ kind: 'deadline', detail: '→ Closed' }, label)).toBe('→ Closed')
    expect(timelineDetail({ kind: 'step', detail: null }, label)).toBeNull()
  })

  it('names a wish\'s own states in the wish\'s words, and its shared ones as the project\'s', () => {
    expect(timelineDetail({ kind: 'step', detail: '→ AwaitingDecision：情况属实' }, label)).toBe('→ «svcEnums.wishState.AwaitingDecision»：情况属实')
    expect(timelineDetail({ kind: 'step', detail: '→ Handling' }, label)).toBe('→ «svcEnums.wishState.Handling»')
    expect(timelineDetail({ kind: 'step', detail: '→ Closed' }, label)).toBe('→ «enums.projectState.Closed»')
  })

  it('says how long an open deadline has left, or how late it is, as the server counted it', () => {
    expect(timelineTimeLeft({ kind: 'deadline', secondsLeft: 2 * 86_400 + 3 * 3_600 }, 'zh-CN')).toMatchObject({ level: 'ok' })
    expect(timelineTimeLeft({ kind: 'deadline', secondsLeft: 2 * 86_400 + 3 * 3_600 }, 'zh-CN')?.text).toMatch(/^剩余 /)
    expect(timelineTimeLeft({ kind: 'deadline', secondsLeft: 3_600 }, 'en-US')).toMatchObject({ level: 'soon' })
    const late = timelineTimeLeft({ kind: 'deadline', secondsLeft: -86_400 }, 'zh-CN')
    expect(late?.level).toBe('overdue')
    expect(late?.text).toMatch(/^已超期 /)
    expect(timelineTimeLeft({ kind: 'deadline', secondsLeft: null }, 'zh-CN')).toBeNull()
    expect(timelineTimeLeft({ kind: 'step', secondsLeft: 100 }, 'zh-CN')).toBeNull()
  })

  it('makes idempotency keys that look like UUIDs', () => {
    const a = newKey()
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(newKey()).not.toBe(a)
  })
})

describe('workSections (我的工作, issue 17 point 2)', () => {
  it('puts overdue, then due today, then the rest, keeping the API order within each', () => {
    const row = (id: string, status: string, dueToday: boolean) => ({ id, status, dueToday })
    const s = workSections([row('a', 'Overdue', false), row('b', 'Open', true), row('c', 'DueSoon', false), row('d', 'DueSoon', true)])
    expect(s.map((x) => [x.key, x.items.map((i) => i.id).join('')])).toEqual([
      ['overdue', 'a'],
      ['today', 'bd'],
      ['rest', 'c'],
    ])
    expect(workSections([row('c', 'Open', false)]).map((x) => x.key)).toEqual(['rest'])
  })
})

describe('the next step and the documents that exist (issue 17 point 3)', () => {
  it('takes the first primary step as the next one and the rest as secondary', async () => {
    const { nextStep, projectActionsFor } = await import('@/utils/actions')
    const s = nextStep(projectActionsFor(['ReportProgress', 'Complete', 'RecordSurveyResponse']))
    expect(s.next?.action).toBe('Complete')
    expect(s.others.map((a) => a.action)).toEqual(['ReportProgress', 'RecordSurveyResponse'])
    expect(nextStep(projectActionsFor(['ReportProgress'])).next?.action).toBe('ReportProgress')
    expect(nextStep([]).next).toBeNull()
  })

  it('offers only the documents that exist', async () => {
    const { availableDocuments } = await import('@/api/documents')
    const none = { consultedAt: null, registeredAt: null, completedAt: null, completionFiledAt: null, survey: { responses: 0 } }
    expect(availableDocuments(none)).toEqual([])
    expect(availableDocuments({ ...none, consultedAt: '2026-01-01T00:00:00Z' })).toEqual(['registration-form'])
    expect(availableDocuments({ ...none, consultedAt: 'x', completedAt: 'x', completionFiledAt: 'x', survey: { responses: 3 } })).toEqual([
      'registration-form', 'completion-form', 'survey-questionnaire', 'survey-results',
    ])
  })
})

describe('no machine words on screens (issue 17 point 6)', () => {
  const label = (k: string) => `«${k}»`
  it('names the system, the portal and the senders in words', async () => {
    const { actorLabel, senderLabel } = await import('@/utils/delivery')
    expect(actorLabel('system', label)).toBe('«actor.system»')
    expect(actorLabel('public-portal', label)).toBe('«actor.portal»')
    expect(actorLabel('张三', label)).toBe('张三')
    expect(senderLabel('webhook:Sms', label)).toBe('«delivery.senders.Sms»')
    expect(senderLabel('recording', label)).toBe('«delivery.senders.other»')
    expect(senderLabel('东莞短信平台', label)).toBe('东莞短信平台')
  })
  it('splits a template into text and named placeholders', async () => {
    const { templateSegments } = await import('@/utils/templates')
    expect(templateSegments('您的诉求{trackingNumber}已由{village}受理{x}')).toEqual([
      { text: '您的诉求' }, { placeholder: 'trackingNumber' }, { text: '已由' }, { placeholder: 'village' }, { text: '受理{x}' },
    ])
  })
})
