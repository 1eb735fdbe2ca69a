import type { Role, RoleView } from '@/api/auth'
import type { OrganizationKind } from '@/api/organizations'

/**
 * The roles a manager may grant, mirroring RoleCatalog.CanGrant: the city grants any role, a town any
 * town, village or own-organisation role except contractor and evaluator, nobody else grants roles. The
 * server checks again; this only keeps impossible choices out of the form.
 */
export function grantableRoles(roles: readonly RoleView[], mine: Role | null | undefined): RoleView[] {
  const me = roles.find((r) => r.role === mine)
  if (!me) return []
  if (me.scope === 'City') return [...roles]
  if (me.scope === 'Town')
    return roles.filter((r) => r.scope !== 'City' && r.role !== 'Contractor' && r.role !== 'Evaluator')
  return []
}

/** Whether an organisation of this kind may hold the role (RoleInfo.BindsTo). */
export function roleFits(role: RoleView | undefined, kind: OrganizationKind): boolean {
  return !!role && role.bindsTo.includes(kind)
}
