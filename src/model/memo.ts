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

/** The value cached for `key` under `owner`, created on first use (`undefined` too); dropped with its owner. */
export function memoBy<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, owner: O, key: K, create: () => V): V {
  let values = cache.get(owner)
  if (!values) cache.set(owner, (values = new Map<K, V>()))
  if (!values.has(key)) values.set(key, create())
  return values.get(key) as V
}
