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
    completionFiledAt: null, completionFormJson: null, actualProgrammeFen: null, actualVillageFen: null, actualSocialFen: null, closedAt: null, inAnnualPool: false,
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

  it('survey sheet: seven aspects on five levels, all required', async () => {
    const body = await open(SurveyStep, {})
    expect(body.querySelectorAll('[data-test^=survey-] .el-radio')).toHaveLength(35)
    await submit(body)
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
})
