package io.tablewarden.model;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An unmodifiable map that keeps its entries in insertion order in two arrays. A result's evidence is a handful of
 * fields, and a large scan holds half a million results: a copy of a {@link java.util.LinkedHashMap} costs about
 * 280 bytes for three fields (the map, its table, an entry object each and a wrapper), these arrays about 80.
 * Lookups scan the keys, which is as fast as hashing for maps this small; larger maps stay linked hash maps.
 */
final class SmallOrderedMap<K, V> extends AbstractMap<K, V> {

    /** Above this many entries a copy is a plain unmodifiable {@link java.util.LinkedHashMap}. */
    static final int MAX_SIZE = 12;

    private final Object[] keys;
    private final Object[] values;

    private SmallOrderedMap(Object[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    /** An unmodifiable copy of {@code source} in its iteration order. */
    static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> source) {
        if (source.isEmpty()) {
            return Map.of();
        }
        if (source.size() > MAX_SIZE) {
            return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(source));
        }
        Object[] keys = new Object[source.size()];
        Object[] values = new Object[source.size()];
        int i = 0;
        for (Map.Entry<? extends K, ? extends V> e : source.entrySet()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        return new SmallOrderedMap<>(keys, values);
    }

    @Override
    public int size() {
        return keys.length;
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (java.util.Objects.equals(keys[i], key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return keys.length;
            }

            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < keys.length;
                    }

                    @Override
                    @SuppressWarnings("unchecked")
                    public Map.Entry<K, V> next() {
                        if (next >= keys.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new AbstractMap.SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                    }
                };
            }
        };
    }
}
