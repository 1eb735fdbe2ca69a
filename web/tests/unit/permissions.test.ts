import { describe, expect, it } from 'vitest'
import { evaluatorOnly, hasPerm, Perm } from '@/utils/permissions'

describe('hasPerm', () => {
  const city = Object.values(Perm)
  const village = [Perm.UsersRead, Perm.AppealsRead, Perm.AppealsCreate]

  it('checks one permission', () => {
    expect(hasPerm(city, Perm.CalendarManage)).toBe(true)
    expect(hasPerm(village, Perm.CalendarManage)).toBe(false)
    expect(hasPerm(village, Perm.UsersRead)).toBe(true)
  })

  it('accepts any of a list, or all of { all }', () => {
    expect(hasPerm(village, [Perm.UsersManage, Perm.UsersRead])).toBe(true)
    expect(hasPerm(village, { all: [Perm.UsersManage, Perm.UsersRead] })).toBe(false)
    expect(hasPerm(city, { all: [Perm.UsersManage, Perm.UsersRead] })).toBe(true)
  })

  it('allows what requires nothing, refuses everything to nobody', () => {
    expect(hasPerm(village, undefined)).toBe(true)
    expect(hasPerm(village, [])).toBe(true)
    expect(hasPerm(null, Perm.UsersRead)).toBe(false)
    expect(hasPerm([], Perm.AppealsRead)).toBe(false)
  })

  it('never lets a read-only account change anything', () => {
    const deputy = [Perm.AppealsRead, Perm.AppealsCreate]
    expect(hasPerm(deputy, Perm.AppealsRead, true)).toBe(true)
    expect(hasPerm(deputy, Perm.AppealsCreate, true)).toBe(false)
  })
})

// R-MS-18: the third-party evaluator sees its commissioned surveys and nothing else of the console.
describe('evaluatorOnly', () => {
  it('is an account holding surveys.evaluate and nothing that opens the programme’s records', () => {
    expect(evaluatorOnly([Perm.SurveysEvaluate])).toBe(true)
    expect(evaluatorOnly([Perm.AppealsRead, Perm.ProjectsTown])).toBe(false)
    expect(evaluatorOnly([Perm.SurveysEvaluate, Perm.AppealsRead])).toBe(false)
    expect(evaluatorOnly([])).toBe(false)
    expect(evaluatorOnly(null)).toBe(false)
  })
})
