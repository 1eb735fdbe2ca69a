import { computed, type ComputedRef } from 'vue'
import { createI18n } from 'vue-i18n'
import type { Lang } from '@/api/problem'
import zhCN, { type Messages } from './zh-CN'
import enUS from './en-US'

export const LANG_KEY = 'guanjia.lang'
export const languages: Lang[] = ['zh-CN', 'en-US']

/** Chinese unless the reader chose English before (kept in localStorage). */
export function initialLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY)
    if (saved === 'en-US' || saved === 'zh-CN') return saved
  } catch {
    /* storage blocked: the default stands */
  }
  return 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: initialLang() as Lang,
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Lang, Messages>,
  // Also in the production build: a key missing in the reader's language is reported on the console, where the browser
  // test that walks every page looks for it (tests/Guanjia.E2E.Tests/Quality/UntranslatedTextTests.cs).
  // Element Plus renders each table column's slot once with an empty row to look for nested columns: the
  // "….undefined" keys of that probe never show (a visible one is caught as text by that test).
  missing: (locale, key) => {
    if (!key.endsWith('.undefined')) console.warn(`[i18n] missing key "${key}" in ${locale}`)
  },
})

export function currentLang(): Lang {
  return i18n.global.locale.value as Lang
}

export function setLang(lang: Lang): void {
  i18n.global.locale.value = lang
  document.documentElement.lang = lang
  try {
    localStorage.setItem(LANG_KEY, lang)
  } catch {
    /* not kept; fine */
  }
}

/** The current language as a typed, reactive value. */
export function useLang(): ComputedRef<Lang> {
  return computed(() => i18n.global.locale.value as Lang)
}
