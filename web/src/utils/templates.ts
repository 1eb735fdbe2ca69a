// The feedback templates' {placeholders} (FeedbackTemplate.Render): the same filling as the server's, for
// the editor's preview. An unknown placeholder stays visible, as it does in the messages.

export function renderTemplate(body: string, values: Readonly<Record<string, string>>): string {
  return body.replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in values ? values[name] : whole))
}

/** Placeholders the server does not know (it refuses to save them). */
export function unknownPlaceholders(body: string, known: readonly string[]): string[] {
  const out: string[] = []
  for (const m of body.matchAll(/\{([^{}]*)\}/g)) if (!known.includes(m[1]) && !out.includes(m[1])) out.push(m[1])
  return out
}

/** Example values for the preview. */
export const templateSample: Readonly<Record<string, string>> = {
  trackingNumber: 'GJ261123ABC123',
  village: '岗贝社区',
  town: '东城街道',
  projectName: '岗贝社区路灯更换',
  department: '东城街道城建办',
  contact: '0769-22000000',
  reason: '不属于“民生大莞家”服务范围',
  route: '莞家速递',
  claimant: '东莞市暖莞社会工作服务中心',
}

/** The placeholders a template may use, in the order the editor offers them. */
export const placeholderNames = Object.keys(templateSample)

/**
 * A template as a reader sees it (issue 17 point 6): the text with each {placeholder} as its own segment, so the page names it in
 * Chinese (「受理编号」) instead of showing the code; an unknown one stays as typed.
 */
export function templateSegments(body: string): ({ text: string } | { placeholder: string })[] {
  const out: ({ text: string } | { placeholder: string })[] = []
  let last = 0
  for (const m of body.matchAll(/\{([^{}]*)\}/g)) {
    if (!placeholderNames.includes(m[1])) continue
    if (m.index! > last) out.push({ text: body.slice(last, m.index) })
    out.push({ placeholder: m[1] })
    last = m.index! + m[0].length
  }
  if (last < body.length) out.push({ text: body.slice(last) })
  return out
}
