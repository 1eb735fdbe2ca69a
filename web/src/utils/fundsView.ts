// Pure helpers of the funds pages: weights for the allocation, the ledger's amount per line, the matching figures.

import type { AllocationFactor, FormulaRow, FundProgramme, LedgerEntry } from '@/api/funds'

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

/** Whether an entry may still be reversed from the UI: not a reversal, not reversed already, not an allocation or pilot grant. */
export function reversible(e: Pick<LedgerEntry, 'kind' | 'reversedById'>): boolean {
  return !e.reversedById && !['Reversal', 'Allocation', 'PilotGrant'].includes(e.kind)
}
