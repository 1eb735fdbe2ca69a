import { describe, expect, it } from 'vitest'
import { applyCsv, factorsRequest, invalidCells, startingRows, tenfoldChanges, toCsv } from '@/utils/townFactors'

const towns = [
  { id: 'b', code: '441900004', name: '南城街道' },
  { id: 'a', code: '441900003', name: '东城街道' },
  { id: 'c', code: '441900005', name: '新设园区' },
]
const last = [
  { townId: 'a', villageCount: 30, areaHectares: 10000, outputWan: 5000000, population: 500000, needCount: 300 },
  { townId: 'b', villageCount: 20, areaHectares: 5000, outputWan: 3000000, population: 300000, needCount: 200 },
]

describe('town factors (R-FD-03)', () => {
  it('starts from last year where this year has nothing, blank for a town without either', () => {
    const { rows, fromLastYear } = startingRows(towns, [], last)
    expect(fromLastYear).toBe(true)
    expect(rows.map((r) => r.name)).toEqual(['东城街道', '南城街道', '新设园区'])
    expect(rows[0].values.outputWan).toBe('5000000')
    expect(rows[2].values.villageCount).toBe('')
    expect(invalidCells(rows)).toHaveLength(5)
  })

  it("keeps this year's saved figures over last year's", () => {
    const { rows, fromLastYear } = startingRows(towns.slice(0, 1), [{ ...last[0], townId: 'b', population: 1 }], last)
    expect(fromLastYear).toBe(false)
    expect(rows[0].values.population).toBe('1')
    expect(rows[0].last?.population).toBe(300000)
  })

  it('asks about a figure ten times larger or smaller than last year, not about a smaller change', () => {
    const { rows } = startingRows(towns.slice(0, 2), [], last)
    rows[0].values.outputWan = '50000000' // 元 typed for 万元
    rows[1].values.areaHectares = '500'
    rows[1].values.population = '310000'
    const changes = tenfoldChanges(rows)
    expect(changes.map((c) => `${c.row.name}.${c.field}`)).toEqual(['东城街道.outputWan', '南城街道.areaHectares'])
    rows[0].values.outputWan = '49999999'
    expect(tenfoldChanges(rows).map((c) => c.field)).toEqual(['areaHectares'])
  })

  it('imports a CSV by town code or name and reports the lines it cannot place', () => {
    const { rows } = startingRows(towns, [], last)
    const csv = toCsv(rows).split('\r\n')[0] + '\r\n441900005,,3,400,"1,200",9000,12\r\n,南城街道,21,5100,3100000,310000,210\r\n999,不存在镇,1,1,1,1,1\r\n'
    const r = applyCsv(rows, csv)
    expect(r.applied).toBe(2)
    expect(r.unknown).toEqual(['999 不存在镇'])
    expect(factorsRequest(r.rows).towns.find((t) => t.townId === 'c')).toEqual({
      townId: 'c', villageCount: 3, areaHectares: 400, outputWan: 1200, population: 9000, needCount: 12,
    })
    expect(r.rows.find((x) => x.townId === 'b')?.values.villageCount).toBe('21')
    expect(rows.find((x) => x.townId === 'b')?.values.villageCount).toBe('20')
  })

  it('round-trips its own CSV', () => {
    const { rows } = startingRows(towns.slice(0, 2), [], last)
    expect(applyCsv(rows, toCsv(rows)).rows).toEqual(rows)
  })
})
