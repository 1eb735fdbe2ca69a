import type { FieldErrorDto } from '@/api/problem'

// Photos a resident adds on the portal: the same limits as the API (SubmitPublicAppeal.MaxPhotos, image types,
// AttachmentLimits), checked here first so a phone does not upload what will be refused.

export const MAX_PHOTOS = 6
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
/** The API refuses files over 20 MB; a photo is shrunk well below that before it is sent. */
export const MAX_PHOTO_BYTES = 20 * 1024 * 1024
/** The long side of a photo as sent: enough to see a broken lamp, small on a village's mobile data. */
export const MAX_SIDE = 1600

const extensions: Record<string, string> = { 'image/jpeg': '.jpg', 'image/png': '.png', 'image/webp': '.webp' }

function fe(field: string, code: string, zh: string, en: string): FieldErrorDto {
  return { field, code, zh, en }
}

/** What is wrong with adding `files` to the `already` photos chosen; empty when all can be added. */
export function checkPhotos(files: Pick<File, 'name' | 'type' | 'size'>[], already: number): FieldErrorDto[] {
  const out: FieldErrorDto[] = []
  if (already + files.length > MAX_PHOTOS)
    out.push(fe('photos', 'too_many', `最多上传${MAX_PHOTOS}张照片`, `At most ${MAX_PHOTOS} photos`))
  files.forEach((f) => {
    if (!(PHOTO_TYPES as readonly string[]).includes(f.type))
      out.push(fe('photos', 'type_not_allowed', `“${f.name}”不是 JPG、PNG 或 WEBP 图片`, `"${f.name}" is not a JPG, PNG or WEBP image`))
    else if (f.size > MAX_PHOTO_BYTES)
      out.push(fe('photos', 'too_large', `“${f.name}”超过20MB`, `"${f.name}" is larger than 20 MB`))
  })
  return out
}

/** The size to draw a picture at so its long side is at most `max`; never enlarged. */
export function scaledSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const long = Math.max(width, height)
  if (long <= max || long === 0) return { width, height }
  const k = max / long
  return { width: Math.round(width * k), height: Math.round(height * k) }
}

/** The file name the API sees: the picture's own name, with the extension its type needs. */
export function photoName(name: string, type: string): string {
  const ext = extensions[type] ?? ''
  const base = name.replace(/\.[^.]*$/, '') || 'photo'
  return `${base}${ext}`
}

/** The appeal as JSON in `appeal`, the pictures in `photos`: what POST /api/public/appeals takes with photos. */
export function appealFormData(appeal: unknown, photos: File[]): FormData {
  const form = new FormData()
  form.append('appeal', JSON.stringify(appeal))
  photos.forEach((p) => form.append('photos', p, p.name))
  return form
}

/**
 * Redraws a large photo at MAX_SIDE as JPEG. Redrawing also leaves behind the camera's metadata (EXIF with
 * the GPS position) — the server strips it too. Where the browser cannot decode or draw, the file goes as it is.
 */
export async function shrinkPhoto(file: File): Promise<File> {
  if (typeof createImageBitmap !== 'function' || typeof document === 'undefined') return file
  try {
    const bitmap = await createImageBitmap(file)
    const size = scaledSize(bitmap.width, bitmap.height)
    if (size.width === bitmap.width && file.size < 1024 * 1024) return file
    const canvas = document.createElement('canvas')
    canvas.width = size.width
    canvas.height = size.height
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.drawImage(bitmap, 0, 0, size.width, size.height)
    bitmap.close()
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85))
    if (!blob || blob.size >= file.size) return file
    return new File([blob], photoName(file.name, 'image/jpeg'), { type: 'image/jpeg' })
  } catch {
    return file
  }
}
