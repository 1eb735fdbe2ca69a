import { describe, expect, it } from 'vitest'
import type { OrganizationNode } from '@/api/organizations'
import { childKinds, countNodes, filterTree, scopeCodes, scopedTree } from '@/utils/orgTree'

const node = (code: string, name: string, kind: OrganizationNode['kind'], children: OrganizationNode[] = []): OrganizationNode => ({
  id: `id-${code}`, code, name, kind, economicClass: null, isPilot: false, children,
})

const tree = [
  node('441900', '东莞市', 'City', [
    node('441900003', '东城街道', 'Street', [node('441900003901', '岗贝社区', 'Community'), node('441900003902', '花园新村社区', 'Community')]),
    node('441900110', '长安镇', 'Town', [node('441900110001', '乌沙社区', 'Community'), node('441900110201', '上沙村', 'Village')]),
  ]),
]

describe('scopedTree', () => {
  it('gives the city the whole tree', () => {
    expect(scopedTree(tree, '/').roots.map((n) => n.name)).toEqual(['东莞市'])
  })

  it('gives a town its subtree and the city as ancestor', () => {
    const s = scopedTree(tree, '/441900/441900003/')
    expect(s.roots.map((n) => n.name)).toEqual(['东城街道'])
    expect(s.roots[0].children).toHaveLength(2)
    expect(s.ancestors.map((n) => n.name)).toEqual(['东莞市'])
  })

  it('gives a village only itself', () => {
    const s = scopedTree(tree, '/441900/441900003/441900003901/')
    expect(s.roots.map((n) => n.name)).toEqual(['岗贝社区'])
    expect(s.ancestors.map((n) => n.name)).toEqual(['东莞市', '东城街道'])
    expect(countNodes(s.roots)).toEqual({ towns: 0, villages: 1 })
  })

  it('gives nothing when the organisation is off the administrative spine', () => {
    expect(scopedTree(tree, '/441900/C001/').roots).toEqual([])
    expect(scopeCodes('/441900/C001/')).toEqual(['441900', 'C001'])
  })
})

describe('tree helpers', () => {
  it('counts towns and villages', () => {
    expect(countNodes(tree)).toEqual({ towns: 2, villages: 4 })
  })

  it('filters by name or code prefix and keeps the ancestors', () => {
    const f = filterTree(tree, '乌沙')
    expect(f[0].children.map((n) => n.name)).toEqual(['长安镇'])
    expect(f[0].children[0].children.map((n) => n.name)).toEqual(['乌沙社区'])
    expect(filterTree(tree, '441900003')[0].children.map((n) => n.name)).toEqual(['东城街道'])
    expect(filterTree(tree, '  ')).toHaveLength(1)
    expect(filterTree(tree, '不存在')).toEqual([])
  })

  it('offers only the kinds the tree allows under a parent', () => {
    expect(childKinds('City')).toContain('Town')
    expect(childKinds('City')).not.toContain('Village')
    expect(childKinds('Street')).toContain('Community')
    expect(childKinds('Village')).toEqual([])
  })
})
