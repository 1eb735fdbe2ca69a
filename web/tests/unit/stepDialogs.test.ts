import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import type { Component } from 'vue'
import { i18n } from '@/i18n'
import type { ProjectDetail } from '@/api/projects'
import CompletionStep from '@/views/MicroProjects/steps/CompletionStep.vue'
import SurveyStep from '@/views/MicroProjects/steps/SurveyStep.vue'
import TimedStep from '@/views/MicroProjects/steps/TimedStep.vue'
import ProgressStep from '@/views/MicroProjects/steps/ProgressStep.vue'
import FinishSurveyStep from '@/views/MicroProjects/steps/FinishSurveyStep.vue'
import FinalAccountsStep from '@/views/MicroProjects/steps/FinalAccountsStep.vue'
import RegistrationStep from '@/views/MicroProjects/steps/RegistrationStep.vue'
import ReviewStep from '@/views/MicroProjects/steps/ReviewStep.vue'
import PublishStep from '@/views/MicroProjects/steps/PublishStep.vue'

// The steps after publicity cannot be reached in the browser tests (implementation starts only once
// publicity has run for days), so their forms are mounted here: they render, and an empty submit shows
// the required fields under their inputs without sending anything.

function project(p: Partial<ProjectDetail> = {}): ProjectDetail {
  return {
    id: 'p1', number: 'MS2026-000001', appealId: 'a1', trackingNumber: 'GJ1', villageId: 'v', villageName: '岗贝社区', townId: 't', townName: '东城街道',
    state: 'Completed', stateZh: '已完成，待结项', isSmall: false, rulesVersion: 1, name: '路灯更换', category: 'ConvenienceWorks', subType: 'PublicFacilities',
    content: '更换路灯', source: 'Residents', location: '新风路', contactName: '李', contactTitle: '书记', contactPhone: '1', beneficiaries: '居民', route: 'Express',
    budgetFen: 12_000_000, fundingSources: ['ProgrammeFund'], implementingBody: '居委会', implementationPeriod: '3个月', capOverrideReason: null,
    committeeDecidedAt: null, consultedAt: null, registeredAt: null, reviewedAt: null, reviewDecision: null, checkConsultationCompliant: null,
    checkBudgetReasonable: null, checkRouteFeasible: null, checkResolvableByPolicy: null, reviewOpinion: null, policyDepartment: null, policyContact: null,
    publicityFrom: null, publicityTo: null, publicityPlatforms: [], implementationStartedAt: '2026-12-01T02:00:00Z', completedAt: '2027-01-10T02:00:00Z',
    completionFiledAt: null, completionForm: null, actualProgrammeFen: null, actualVillageFen: null, actualSocialFen: null, closedAt: null, inAnnualPool: false,
    expressForm: null, pairedUnit: null, policyCheckNote: null, funding: null, fundingPayer: null, platformOverrideReason: null, finalAccountsFen: null,
    auditBody: null, auditResult: null, effect: null, finalAccountsAt: null, ledgerPaidFen: 0, steps: [],
    year: 2026, version: 3, consultations: [], departmentOpinions: [], progress: [], attachments: [{ id: 'x', kind: 'Contract', fileName: 'c.pdf', contentType: 'application/pdf', size: 1, uploadedAt: '2027-01-10T02:00:00Z', uploadedByName: null }],
    deadlines: [
      {
        id: 'd', obligation: 'CompletionForm', ruleId: 'R-MS-13', zh: '填报结项表', en: 'File the completion form', subjectType: 'MicroProject', subjectId: 'p1',
        subjectRef: 'MS2026-000001', responsibleOrgId: 'v', responsibleOrgName: '岗贝社区', startsAt: '2027-01-10T02:00:00Z', dueAt: '2027-01-15T15:59:59Z',
        warnAt: '2027-01-14T15:59:59Z', metAt: null, lateReason: null, cancelledAt: null, status: 'Overdue', secondsLeft: -1,
      },
    ],
    survey: { responses: 0, minimum: 30, minimumMet: false, distribution: {}, satisfactionRate: 0, score: 0 },
    allowedActions: ['FileCompletion'],
    ...p,
  }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
})

async function open(component: Component, props: Record<string, unknown>): Promise<HTMLElement> {
  const fetch = vi.fn(async () => new Response(null, { status: 500 }))
  vi.stubGlobal('fetch', fetch)
  wrapper = mount(component, {
    props: { modelValue: false, project: project(), ...props },
    global: { plugins: [createPinia(), i18n, ElementPlus] },
    attachTo: document.body,
  })
  await wrapper.setProps({ modelValue: true })
  await flushPromises()
  return document.body
}

async function submit(body: HTMLElement) {
  const button = body.querySelector<HTMLButtonElement>('[data-test=step-submit]')
  expect(button).not.toBeNull()
  button!.click()
  await flushPromises()
  // el-form-item shows its error after a short debounce.
  await new Promise((r) => setTimeout(r, 150))
  await flushPromises()
}

describe('the step forms after publicity', () => {
  it('completion form: money prefilled from the budget in 万元, the checklist, the late reason, required fields', async () => {
    const body = await open(CompletionStep, { meets: ['CompletionForm'], now: new Date('2027-01-20T00:00:00Z') })
    expect(body.textContent).toContain('填报结项表')
    expect((body.querySelector('#cf-budgeted-programme') as HTMLInputElement).value).toBe('12')
    expect((body.querySelector('#cf-from') as HTMLInputElement).value).toBe('2026-12-01')
    const checklist = body.querySelector('[data-test=cf-checklist]')!.textContent!
    expect(checklist).toContain('工程合同（服务协议）或帮扶协议')
    expect(checklist).toContain('已上传')
    expect(checklist).toContain('未上传')
    // The completion form's deadline has passed: the reason is asked for up front.
    expect(body.querySelector('[data-test=late-reason]')).not.toBeNull()
    await submit(body)
    expect(body.textContent).toContain('受益人数须为正整数')
    expect(body.textContent).toContain('施工内容不能为空')
    expect(body.textContent).toContain('请上传项目成效照片')
  })

  it('a welfare service asks for its service section instead of works', async () => {
    const body = await open(CompletionStep, { project: project({ category: 'WelfareService' }), meets: [], now: new Date('2027-01-12T00:00:00Z') })
    expect(body.querySelector('#cf-service-time')).not.toBeNull()
    expect(body.querySelector('#cf-works-content')).toBeNull()
    expect(body.querySelector('[data-test=late-reason]')).toBeNull()
  })

  it('survey sheet: seven aspects on five levels, all required, and the optional eighth row 其他 (R-MS-14)', async () => {
    const body = await open(SurveyStep, { projectId: 'p1' })
    expect(body.querySelectorAll('[data-test^=survey-] .el-radio')).toHaveLength(40)
    expect(body.querySelector('[data-test=survey-other]')!.textContent).toContain('其他')
    await submit(body)
    // The eighth row is optional: only the seven aspects are asked for.
    expect(body.querySelectorAll('.el-form-item__error')).toHaveLength(7)
  })

  it('start, progress and finish render their fields', async () => {
    let body = await open(TimedStep, { meets: ['ServiceStart'], now: new Date(), step: 'start', project: project({ state: 'Publicity', deadlines: [] }) })
    expect(body.textContent).toContain('开始实施时间')
    wrapper!.unmount()
    body = await open(ProgressStep, {})
    await submit(body)
    expect(body.textContent).toContain('进度说明不能为空')
    wrapper!.unmount()
    body = await open(FinishSurveyStep, { meets: ['TownSurvey'], now: new Date('2027-01-12T00:00:00Z'), project: project({ state: 'AwaitingSurvey', deadlines: [] }) })
    expect(body.textContent).toContain('0 / 最少 30 份')
    wrapper = null
  })

  // R-MS-19: the town's final accounts of a closed project: the audit report first, then the amounts and the audit; late asks why.
  it('final accounts: the audit report, the amount prefilled from the actual spending, required fields, late reason', async () => {
    const closed = project({
      state: 'Closed', actualProgrammeFen: 9_400_000, actualVillageFen: 0, actualSocialFen: 0, ledgerPaidFen: 9_000_000, attachments: [],
      deadlines: [{
        id: 'fa', obligation: 'FinalAccounts', ruleId: 'R-MS-19', zh: '完成项目决算和审计并公示', en: 'Final accounts', subjectType: 'MicroProject', subjectId: 'p1',
        subjectRef: 'MS2026-000001', responsibleOrgId: 't', responsibleOrgName: '东城街道', startsAt: '2027-01-10T02:00:00Z', dueAt: '2027-04-10T15:59:59Z',
        warnAt: '2027-04-03T15:59:59Z', metAt: null, lateReason: null, cancelledAt: null, status: 'Overdue', secondsLeft: -1,
      }],
    })
    const body = await open(FinalAccountsStep, { project: closed, meets: ['FinalAccounts'], now: new Date('2027-04-12T00:00:00Z') })
    expect(body.textContent).toContain('录入决算审计结果')
    expect((body.querySelector('#fa-amount') as HTMLInputElement).value).toBe('9.4')
    expect(body.querySelector('[data-test=fa-money]')!.textContent).toContain('9.00 万元')
    expect(body.querySelector('[data-test=late-reason]')).not.toBeNull()
    ;(body.querySelector('#fa-amount') as HTMLInputElement).value = ''
    body.querySelector('#fa-amount')!.dispatchEvent(new Event('input'))
    await submit(body)
    expect(body.textContent).toContain('审计单位不能为空')
    expect(body.textContent).toContain('请上传审计报告')
    expect(body.textContent).toContain('决算金额须为不小于0的数')
  })

  // R-IN-05: a small project's filing carries the village's policy check; a large one has none.
  it('registration: the policy check for a project under the threshold, required', async () => {
    const rules = { directImplementationThresholdFen: 5_000_000, convenienceWorksCapFen: 50_000_000, welfareServiceCapFen: 20_000_000 }
    let body = await open(RegistrationStep, { project: project({ state: 'Consulted', budgetFen: 3_000_000 }), rules })
    expect(body.querySelector('[data-test=reg-policy-check]')).not.toBeNull()
    await submit(body)
    expect(body.textContent).toContain('请对照现行民生保障政策清单核对可否由现行政策解决')
    wrapper!.unmount()
    body = await open(RegistrationStep, { project: project({ state: 'Consulted', budgetFen: 12_000_000 }), rules })
    expect(body.querySelector('[data-test=reg-policy-check]')).toBeNull()
  })

  // R-MS-08, R-MS-20: none of the four checks is assumed; the funding is asked once the decision pays.
  it('review: the four checks unset and each required; programme funding asks where the money comes from', async () => {
    const body = await open(ReviewStep, { project: project({ state: 'TownReview' }), meets: ['TownReview'], now: new Date('2026-11-01T00:00:00Z') })
    expect(body.querySelectorAll('[data-test^=review-] .el-radio.is-checked')).toHaveLength(0)
    await submit(body)
    expect(body.textContent).toContain('请审核协商过程是否规范')
    expect(body.textContent).toContain('请审核可否由现行政策或其他专项资金解决')
    expect(body.querySelector('[data-test=review-funding]')).toBeNull()
    const fund = Array.from(body.querySelectorAll<HTMLElement>('[data-test=review-decision] .el-radio')).find((e) => e.textContent?.includes('由专项资金资助'))!
    fund.click()
    await flushPromises()
    expect(body.querySelector('[data-test=review-funding]')!.textContent).toContain('村（社区）“民生大莞家”专项资金')
    expect(body.querySelector('[data-test=review-funding]')!.textContent).not.toContain('财政预算')
  })

  // R-MS-11: all five linked platforms ticked; unticking one asks why.
  it('publicity: a confirmed project on all five linked platforms; leaving one out asks for the reason', async () => {
    const body = await open(PublishStep, { project: project({ state: 'AwaitingPublicity' }), rules: null })
    expect(body.querySelectorAll('[data-test=publish-platforms] .el-checkbox.is-checked')).toHaveLength(5)
    expect(body.querySelector('[data-test=publish-override]')).toBeNull()
    ;(body.querySelectorAll<HTMLElement>('[data-test=publish-platforms] .el-checkbox')[0]).click()
    await flushPromises()
    expect(body.querySelector('[data-test=publish-override]')).not.toBeNull()
    await submit(body)
    expect(body.textContent).toContain('经确认的项目须在全部关联平台公示')
  })
})
