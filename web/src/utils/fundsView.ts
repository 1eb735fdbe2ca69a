// Pure helpers of the funds pages: weights for the allocation, the ledger's amount per line, the matching figures.

import { wanToFen } from './format'
import type { Adjustment, AllocationFactor, FormulaRow, FundProgramme, FundSource, LedgerEntry, SourceAmount, SourceShare } from '@/api/funds'

/** The factors of each programme's formula (R-FD-03): 微实事 by villages, area and output; 微心愿 by population, strength and need. */
export const programmeFactors: Record<FundProgramme, AllocationFactor[]> = {
  MicroProject: ['Villages', 'Area', 'Output'],
  MicroWish: ['Population', 'Strength', 'Need'],
}

/** Default weights in whole percent, summing to 100. */
export function defaultWeights(p: FundProgramme): Record<string, number> {
  return p === 'MicroProject' ? { villages: 40, area: 30, output: 30 } : { population: 40, strength: 30, need: 30 }
}

export function weightsSum(w: Record<string, number>): number {
  return Object.values(w).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0)
}

/** A value keyed by factor in an API dictionary, whatever the key's case (Villages / villages). */
export function byFactor(d: Record<string, number> | null | undefined, f: string): number | undefined {
  if (!d) return undefined
  return d[f] ?? d[f.charAt(0).toLowerCase() + f.slice(1)] ?? d[f.toLowerCase()]
}

/** Parts per million as a percentage text with four decimals: 123456 → "12.3456%". */
export function ppmPercent(ppm: number): string {
  const sign = ppm < 0 ? '-' : ''
  const a = Math.abs(Math.round(ppm))
  return `${sign}${Math.floor(a / 10_000)}.${String(a % 10_000).padStart(4, '0')}%`
}

/** The table's check: the towns' formula amounts add up to the pool (the largest-remainder rounding keeps it exact). */
export function formulaTotal(rows: readonly Pick<FormulaRow, 'formulaFen'>[]): number {
  return rows.reduce((s, r) => s + r.formulaFen, 0)
}

/** Whether an entry may still be reversed from the UI: not a reversal, not reversed already, not one of the city's decisions. */
export function reversible(e: Pick<LedgerEntry, 'kind' | 'reversedById'>): boolean {
  return !e.reversedById && !['Reversal', 'Allocation', 'PilotGrant', 'Adjustment', 'PilotSettlement'].includes(e.kind)
}

/** The city's sources an allocation may draw on, and the ones 002 §五(一) names for each programme (R-FD-01). */
export const citySources: FundSource[] = ['CityBudget', 'WelfareLottery', 'CharityFederation']
export const programmeSources: Record<FundProgramme, FundSource[]> = {
  MicroProject: ['CityBudget', 'WelfareLottery'],
  MicroWish: ['CharityFederation'],
}

/** An amount typed in 万元 as fen: at most six decimals (1 fen), else NaN. */
export function wanTextToFen(text: string): number {
  const t = text.trim().replace(/,/g, '')
  return /^\d+(\.\d{1,6})?$/.test(t) ? wanToFen(t) : Number.NaN
}

/** The amounts typed per source (万元, as everywhere in the programme) as the request's sources; blank ones are left out, a bad one is NaN for the check. */
export function sourcesRequest(wan: Partial<Record<FundSource, string>>): SourceAmount[] {
  return citySources
    .filter((s) => (wan[s] ?? '').trim() !== '')
    .map((s) => ({ source: s, amountFen: wanTextToFen(wan[s] ?? '') }))
}

/** The pool: the sum of the sources' amounts (NaN when one is not a number). */
export function poolOf(sources: readonly SourceAmount[]): number {
  return sources.reduce((sum, s) => sum + s.amountFen, 0)
}

/** A row's share of one source, or 0. */
export function shareOf(row: Pick<FormulaRow, 'bySource'>, source: FundSource, pick: keyof Omit<SourceShare, 'source'> = 'cityPaysFen'): number {
  return row.bySource?.find((b) => b.source === source)?.[pick] ?? 0
}

/** R-MW-07: the use rate as text, "—" when nothing was allocated. */
export function useRateText(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${rate.toFixed(1)}%`
}

/**
 * What the city pays a town now, per source (R-FD-03): the committed row's amounts plus every adjustment's difference, as the API
 * computes it; the order of the adjustments does not matter.
 */
export function currentAmounts(
  row: Pick<FormulaRow, 'townId' | 'bySource'>,
  adjustments: readonly Pick<Adjustment, 'townId' | 'before' | 'after'>[],
): SourceAmount[] {
  const now = new Map<FundSource, number>((row.bySource ?? []).map((b) => [b.source, b.cityPaysFen]))
  for (const a of adjustments.filter((x) => x.townId === row.townId)) {
    for (const x of a.before) now.set(x.source, (now.get(x.source) ?? 0) - x.amountFen)
    for (const x of a.after) now.set(x.source, (now.get(x.source) ?? 0) + x.amountFen)
  }
  return [...now.entries()].map(([source, amountFen]) => ({ source, amountFen }))
}
