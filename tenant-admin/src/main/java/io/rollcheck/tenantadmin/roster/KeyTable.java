package io.rollcheck.tenantadmin.roster;

import java.util.Arrays;

/**
 * A set of 128-bit keys, each with an int (a row number, a position in a list), held in primitive
 * arrays: 16-byte blind indexes, and 学号 packed by {@link #pack}. An import keeps one entry per row
 * and key: as strings boxed in hash maps that was about 150 bytes an entry, all of it live data the
 * young collector copied again and again; here it is 20 to 40 bytes in a few arrays. Split into
 * shards, so that no array gets large enough to be a "humongous" object to G1. Not for concurrent
 * writers; safe for concurrent readers once filled.
 */
final class KeyTable {

    private static final int SHARDS = 64;
    private final Shard[] shards = new Shard[SHARDS];
    private int size;

    KeyTable() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    /** The value stored for the 16-byte {@code key}, or -1. */
    int get(byte[] key) {
        return get(word(key, 0), word(key, 8));
    }

    /** Stores {@code value} (0 or more) for the 16-byte {@code key} unless it is there; returns the value already there, or -1. */
    int putIfAbsent(byte[] key, int value) {
        return putIfAbsent(word(key, 0), word(key, 8), value);
    }

    int get(long hi, long lo) {
        long h = mix(hi, lo);
        return shards[shard(h)].get(hi, lo, h);
    }

    int putIfAbsent(long hi, long lo, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        long h = mix(hi, lo);
        int old = shards[shard(h)].putIfAbsent(hi, lo, h, value);
        if (old < 0) {
            size++;
        }
        return old;
    }

    int size() {
        return size;
    }

    /**
     * Packs an ASCII string of at most 16 characters, none of them NUL (a 学号 that passed its
     * check), into {@code out[0..1]} one-to-one; false if it does not fit.
     */
    static boolean pack(String s, long[] out) {
        int n = s.length();
        if (n > 16) {
            return false;
        }
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 16; i++) {
            int c = i < n ? s.charAt(i) : 0;
            if (i < n && (c == 0 || c > 0x7F)) {
                return false;
            }
            if (i < 8) {
                hi = hi << 8 | c;
            } else {
                lo = lo << 8 | c;
            }
        }
        out[0] = hi;
        out[1] = lo;
        return true;
    }

    /** Spreads any key's bits (a blind index is random already; a packed 学号 is not). */
    private static long mix(long hi, long lo) {
        long h = hi * 0x9E3779B97F4A7C15L ^ lo;
        h *= 0xC2B2AE3D27D4EB4FL;
        return h ^ h >>> 31;
    }

    private static int shard(long h) {
        return (int) (h >>> 58); // the top 6 bits; a shard's slots come from the low bits
    }

    private static long word(byte[] b, int off) {
        if (b.length != 16) {
            throw new IllegalArgumentException("a key has 16 bytes, not " + b.length);
        }
        long w = 0;
        for (int i = off; i < off + 8; i++) {
            w = w << 8 | (b[i] & 0xFF);
        }
        return w;
    }

    /** Open addressing, linear probing, at most half full; a value of -1 marks a free slot. */
    private static final class Shard {
        long[] keys = new long[2 * 64];
        int[] values = filled(64);
        int used;

        private static int[] filled(int n) {
            int[] v = new int[n];
            Arrays.fill(v, -1);
            return v;
        }

        int get(long hi, long lo, long h) {
            int mask = values.length - 1;
            for (int i = (int) h & mask; ; i = (i + 1) & mask) {
                if (values[i] < 0) {
                    return -1;
                }
                if (keys[2 * i] == hi && keys[2 * i + 1] == lo) {
                    return values[i];
                }
            }
        }

        int putIfAbsent(long hi, long lo, long h, int value) {
            int mask = values.length - 1;
            int i = (int) h & mask;
            for (; values[i] >= 0; i = (i + 1) & mask) {
                if (keys[2 * i] == hi && keys[2 * i + 1] == lo) {
                    return values[i];
                }
            }
            keys[2 * i] = hi;
            keys[2 * i + 1] = lo;
            values[i] = value;
            if (++used * 2 > values.length) {
                grow();
            }
            return -1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = filled(oldValues.length * 2);
            int mask = values.length - 1;
            for (int j = 0; j < oldValues.length; j++) {
                if (oldValues[j] >= 0) {
                    long hi = oldKeys[2 * j];
                    long lo = oldKeys[2 * j + 1];
                    int i = (int) mix(hi, lo) & mask;
                    while (values[i] >= 0) {
                        i = (i + 1) & mask;
                    }
                    keys[2 * i] = hi;
                    keys[2 * i + 1] = lo;
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
