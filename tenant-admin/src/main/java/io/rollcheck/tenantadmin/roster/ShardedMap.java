package io.rollcheck.tenantadmin.roster;

import java.util.HashMap;

/**
 * A map of hundreds of thousands of keys kept as 256 small hash maps. One table that size is a
 * "humongous" object to the G1 collector, and every time it grew G1 started a concurrent cycle:
 * a roster import spent a tenth of its CPU on them. Safe for concurrent readers once filled, like
 * {@link HashMap}; not for concurrent writers.
 */
final class ShardedMap<K, V> {

    private static final int SHARDS = 256;
    @SuppressWarnings("unchecked")
    private final HashMap<K, V>[] shards = new HashMap[SHARDS];

    ShardedMap() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new HashMap<>();
        }
    }

    /** The shard by the key's high hash bits: a shard's own table indexes by the low ones. */
    private HashMap<K, V> shard(Object key) {
        return shards[(key.hashCode() * 0x9E3779B9) >>> 24];
    }

    V get(Object key) {
        return shard(key).get(key);
    }

    V put(K key, V value) {
        return shard(key).put(key, value);
    }

    V putIfAbsent(K key, V value) {
        return shard(key).putIfAbsent(key, value);
    }

    int size() {
        int n = 0;
        for (HashMap<K, V> s : shards) {
            n += s.size();
        }
        return n;
    }
}
