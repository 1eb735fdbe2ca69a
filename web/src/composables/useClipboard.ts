import { ElMessage } from 'element-plus'

/**
 * Copies text and says so. Where the browser refuses (plain http, no permission) nothing is said: every caller
 * also shows the text selectable on the page.
 */
export async function copyText(text: string, copiedMessage: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    ElMessage.success(copiedMessage)
    return true
  } catch {
    return false
  }
}
