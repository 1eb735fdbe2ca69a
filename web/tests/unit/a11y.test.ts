import { describe, expect, it } from 'vitest'
import { labelLibraryInputs, watchLibraryInputs } from '@/utils/a11y'

const labels = { pageSize: '每页条数', jumpTo: '跳至页' }

describe('names for the inputs Element Plus leaves unnamed', () => {
  it('labels the pagination size select and the jump box, once', () => {
    document.body.innerHTML = `
      <div class="el-pagination"><span class="el-pagination__sizes"><input id="a"></span>
      <span class="el-pagination__jump"><input id="b"></span></div><input id="other">`
    expect(labelLibraryInputs(document.body, labels)).toBe(2)
    expect(document.getElementById('a')?.getAttribute('aria-label')).toBe('每页条数')
    expect(document.getElementById('b')?.getAttribute('aria-label')).toBe('跳至页')
    expect(document.getElementById('other')?.hasAttribute('aria-label')).toBe(false)
    expect(labelLibraryInputs(document.body, labels)).toBe(0)
  })

  it('names those that appear later, as lists render', async () => {
    document.body.innerHTML = '<div id="app"></div>'
    const root = document.getElementById('app')!
    const observer = watchLibraryInputs(root, () => labels)
    root.innerHTML = '<span class="el-pagination__sizes"><input id="late"></span>'
    await new Promise((r) => setTimeout(r, 0))
    expect(document.getElementById('late')?.getAttribute('aria-label')).toBe('每页条数')
    observer.disconnect()
  })
})
