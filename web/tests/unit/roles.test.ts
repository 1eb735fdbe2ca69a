import { describe, expect, it } from 'vitest'
import type { Role, RoleView, ScopeLevel } from '@/api/auth'
import { grantableRoles, roleFits } from '@/utils/roles'

const r = (role: Role, scope: ScopeLevel, bindsTo: string[] = []): RoleView => ({ role, zh: role, en: role, scope, readOnly: false, bindsTo, permissions: [] })
const roles = [
  r('CityCivilAffairs', 'City'), r('TownLead', 'Town'), r('TownReviewer', 'Town'), r('VillageStaff', 'Village', ['Village', 'Community']),
  r('StationHead', 'Village'), r('SupervisoryCommittee', 'Village'), r('Contractor', 'Own'), r('Evaluator', 'Own'), r('Deputy', 'Own'),
]

describe('grantableRoles', () => {
  it('lets the city grant every role', () => {
    expect(grantableRoles(roles, 'CityCivilAffairs')).toHaveLength(9)
  })

  it('lets a town grant town, village and deputy roles but not contractors or evaluators', () => {
    expect(grantableRoles(roles, 'TownLead').map((x) => x.role)).toEqual([
      'TownLead', 'TownReviewer', 'VillageStaff', 'StationHead', 'SupervisoryCommittee', 'Deputy',
    ])
  })

  it('lets nobody else grant anything', () => {
    expect(grantableRoles(roles, 'VillageStaff')).toEqual([])
    expect(grantableRoles(roles, null)).toEqual([])
  })

  it('checks that a role fits an organisation kind', () => {
    expect(roleFits(roles[3], 'Community')).toBe(true)
    expect(roleFits(roles[3], 'Town')).toBe(false)
    expect(roleFits(undefined, 'Town')).toBe(false)
  })
})
