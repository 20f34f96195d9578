/** The value cached for `key` (in a `Map` or a `WeakMap`), created on first use. */
export function memo<K, V>(
  cache: {get(key: K): V | undefined; set(key: K, value: V): unknown},
  key: K,
  create: (key: K) => V
): V {
  let value = cache.get(key)
  if (value === undefined) {
    value = create(key)
    cache.set(key, value)
  }
  return value
}
