import type { OrganizationKind, OrganizationNode } from '@/api/organizations'

/** Organisation codes along a scope path: "/441900/441900003/" → ["441900", "441900003"]. */
export function scopeCodes(scopePath: string): string[] {
  return scopePath.split('/').filter((c) => c.length > 0)
}

/**
 * The part of the administrative tree a caller works in: the whole tree for the city ("/"), the town's
 * subtree for a town, the village alone for a village. The tree is reference data every signed-in user
 * may read; the console still shows each role its own scope. `ancestors` are the nodes above it.
 * An empty `roots` means the caller's organisation is not on the administrative spine (contractors).
 */
export function scopedTree(
  tree: readonly OrganizationNode[],
  scopePath: string,
): { roots: OrganizationNode[]; ancestors: OrganizationNode[] } {
  const codes = scopeCodes(scopePath)
  if (codes.length === 0) return { roots: [...tree], ancestors: [] }
  const ancestors: OrganizationNode[] = []
  let level: readonly OrganizationNode[] = tree
  let found: OrganizationNode | undefined
  for (const code of codes) {
    found = level.find((n) => n.code === code)
    if (!found) return { roots: [], ancestors: [] }
    ancestors.push(found)
    level = found.children
  }
  ancestors.pop()
  return { roots: found ? [found] : [], ancestors }
}

const townKinds: OrganizationKind[] = ['Town', 'Street', 'Park']
const villageKinds: OrganizationKind[] = ['Village', 'Community']

export function isTownKind(k: OrganizationKind): boolean {
  return townKinds.includes(k)
}

export function isVillageKind(k: OrganizationKind): boolean {
  return villageKinds.includes(k)
}

/** How many towns (镇/街道/园区) and villages (村/社区) a forest holds. */
export function countNodes(nodes: readonly OrganizationNode[]): { towns: number; villages: number } {
  let towns = 0
  let villages = 0
  const walk = (list: readonly OrganizationNode[]) => {
    for (const n of list) {
      if (isTownKind(n.kind)) towns++
      else if (isVillageKind(n.kind)) villages++
      walk(n.children)
    }
  }
  walk(nodes)
  return { towns, villages }
}

/** Nodes whose name contains the text or whose code starts with it, with their ancestors kept. */
export function filterTree(nodes: readonly OrganizationNode[], text: string): OrganizationNode[] {
  const q = text.trim()
  if (!q) return [...nodes]
  const out: OrganizationNode[] = []
  for (const n of nodes) {
    const self = n.name.includes(q) || n.code.startsWith(q)
    const children = self ? n.children : filterTree(n.children, q)
    if (self || children.length > 0) out.push({ ...n, children })
  }
  return out
}

/** Which kinds may be created under a parent of this kind (Organization.MayContain). */
export function childKinds(parent: OrganizationKind | null): OrganizationKind[] {
  if (parent === null) return ['City']
  if (parent === 'City') return ['Town', 'Street', 'Park', 'CityDepartment', 'Contractor', 'SocialWorkPoint', 'Evaluator']
  if (isTownKind(parent)) return ['Village', 'Community', 'TownDepartment', 'Contractor', 'SocialWorkPoint']
  return []
}

/** A town with its villages, the shape of GET /api/public/places, for the town → village pickers. */
export interface Place {
  id: string
  name: string
  villages: Place[]
}

/**
 * The towns and villages a caller may enter an appeal for: every town of the city for the city, the
 * town's villages for a town, the village alone (under its town) for a village.
 */
export function placesInScope(tree: readonly OrganizationNode[], scopePath: string): Place[] {
  const { roots, ancestors } = scopedTree(tree, scopePath)
  const villagesOf = (n: OrganizationNode): Place[] =>
    n.children.filter((c) => isVillageKind(c.kind)).map((c) => ({ id: c.id, name: c.name, villages: [] }))
  const out: Place[] = []
  const walk = (nodes: readonly OrganizationNode[]) => {
    for (const n of nodes) {
      if (isTownKind(n.kind)) out.push({ id: n.id, name: n.name, villages: villagesOf(n) })
      else if (!isVillageKind(n.kind)) walk(n.children)
    }
  }
  for (const r of roots) {
    if (isVillageKind(r.kind)) {
      const town = [...ancestors].reverse().find((a) => isTownKind(a.kind))
      out.push({ id: town?.id ?? '', name: town?.name ?? '', villages: [{ id: r.id, name: r.name, villages: [] }] })
    } else walk([r])
  }
  return out
}
