/** The value cached for `key`, created on first use. */
export function memo<K extends object, V>(cache: WeakMap<K, V>, key: K, create: (key: K) => V): V {
  let value = cache.get(key)
  if (value === undefined) {
    value = create(key)
    cache.set(key, value)
  }
  return value
}
