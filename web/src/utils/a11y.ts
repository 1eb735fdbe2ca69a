// Element Plus leaves two inputs of its own without an accessible name: the page-size select and the
// "go to page" box of el-pagination (2.14 has no prop for them). Named here, once, for every list.

export interface LibraryLabels {
  pageSize: string
  jumpTo: string
}

const targets: [selector: string, key: keyof LibraryLabels][] = [
  ['.el-pagination__sizes input', 'pageSize'],
  ['.el-pagination__jump input', 'jumpTo'],
]

/** Gives the library's unnamed inputs under `root` their label; returns how many it named. */
export function labelLibraryInputs(root: ParentNode, labels: LibraryLabels): number {
  let named = 0
  for (const [selector, key] of targets)
    root.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.getAttribute('aria-label') === labels[key]) return
      el.setAttribute('aria-label', labels[key])
      named++
    })
  return named
}

/** Keeps naming them as pages render (and the language changes). */
export function watchLibraryInputs(root: HTMLElement, labels: () => LibraryLabels): MutationObserver {
  const observer = new MutationObserver(() => labelLibraryInputs(root, labels()))
  observer.observe(root, { childList: true, subtree: true })
  labelLibraryInputs(root, labels())
  return observer
}
