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
