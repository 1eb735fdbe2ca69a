import { buildUrl, http, type Query } from './http'

// Documents and exports (docs/api.md "Documents, exports and survey results", ADR 0014). The files are plain GETs
// answered as attachments, so the browser downloads them from a link; PDF only when the server can make it.

export interface DocumentCapabilities {
  pdf: boolean
}

export type ProjectDocument = 'registration-form' | 'completion-form' | 'survey-results' | 'survey-questionnaire'
export const projectDocuments: ProjectDocument[] = ['registration-form', 'completion-form', 'survey-results', 'survey-questionnaire']

/**
 * The project's documents that exist by now (issue 17 point 3): the registration form once the consultation passed (the form is drawn
 * from it), the completion form once filed, the questionnaire once the project is completed and surveyed, the results once a
 * questionnaire was entered.
 */
export function availableDocuments(p: {
  consultedAt: string | null
  registeredAt: string | null
  completedAt: string | null
  completionFiledAt: string | null
  survey: { responses: number }
}): ProjectDocument[] {
  const out: ProjectDocument[] = []
  if (p.registeredAt || p.consultedAt) out.push('registration-form')
  if (p.completionFiledAt) out.push('completion-form')
  if (p.completedAt) out.push('survey-questionnaire')
  if (p.survey.responses > 0) out.push('survey-results')
  return out
}

/** The office format of each document: the tables are Excel, the forms Word. */
export function officeFormat(doc: ProjectDocument | 'annual-plan'): 'docx' | 'xlsx' {
  return doc === 'survey-results' || doc === 'annual-plan' ? 'xlsx' : 'docx'
}

export function projectDocumentUrl(projectId: string, doc: ProjectDocument, format: 'docx' | 'xlsx' | 'pdf'): string {
  return `/api/micro-projects/${projectId}/documents/${doc}.${format}`
}

export function blankQuestionnaireUrl(format: 'docx' | 'pdf'): string {
  return `/api/documents/survey-questionnaire.${format}`
}

export function annualPlanDocumentUrl(planId: string, format: 'xlsx' | 'pdf'): string {
  return `/api/annual-plans/${planId}/document.${format}`
}

/** The 采购备案表 of a station item (R-ST-05), with the committee's opinion once given. */
export function filingDocumentUrl(filingId: string, format: 'docx' | 'pdf'): string {
  return `/api/stations/procurement-filings/${filingId}/document.${format}`
}

export type ExportList = 'appeals' | 'micro-projects' | 'micro-wishes'

/** The list's export with the list's own filters (paging dropped: exports are unpaged). */
export function exportUrl(list: ExportList, format: 'csv' | 'xlsx', filters: Query = {}): string {
  const { page: _p, pageSize: _s, ...rest } = filters
  return buildUrl(`/api/exports/${list}.${format}`, rest)
}

let capabilities: Promise<DocumentCapabilities> | null = null

export const documentsApi = {
  capabilities(): Promise<DocumentCapabilities> {
    capabilities ??= http.get<DocumentCapabilities>('/api/documents/capabilities').catch(() => {
      capabilities = null
      return { pdf: false }
    })
    return capabilities
  },
}
