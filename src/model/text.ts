/** Normalise a field label for lookups: case and spacing do not matter. */
export function normalizeLabel(label: string): string {
  return label.replace(/&/g, ' and ').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** Shorten text for a message, keeping its start. */
export function truncate(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat
}
