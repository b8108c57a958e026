package io.rollcheck.tenantadmin.roster;

import java.util.Arrays;

/**
 * A set of 16-byte blind indexes, each with an int (a row number, a position in a list), held in
 * primitive arrays. An import keeps one entry per row: as boxed hex strings in hash maps that was
 * about 150 bytes an entry, all of it live data the young collector copied again and again; here
 * it is 20 to 40 bytes in a few arrays. The index is an HMAC output, so its own bits are the hash.
 * Split into shards, so that no array gets large enough to be a "humongous" object to G1. Not for
 * concurrent writers; safe for concurrent readers once filled.
 */
final class BlindIndexTable {

    private static final int SHARDS = 64;
    private final Shard[] shards = new Shard[SHARDS];
    private int size;

    BlindIndexTable() {
        for (int i = 0; i < SHARDS; i++) {
            shards[i] = new Shard();
        }
    }

    /** The value stored for {@code idx}, or -1. */
    int get(byte[] idx) {
        long hi = hi(idx);
        return shards[shard(hi)].get(hi, lo(idx));
    }

    /** Stores {@code value} (0 or more) for {@code idx} unless it is there; returns the value already there, or -1. */
    int putIfAbsent(byte[] idx, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value");
        }
        long hi = hi(idx);
        int old = shards[shard(hi)].putIfAbsent(hi, lo(idx), value);
        if (old < 0) {
            size++;
        }
        return old;
    }

    int size() {
        return size;
    }

    private static int shard(long hi) {
        return (int) (hi >>> 58); // the top 6 bits; a shard's slots come from the low bits
    }

    private static long hi(byte[] idx) {
        return word(idx, 0);
    }

    private static long lo(byte[] idx) {
        return word(idx, 8);
    }

    private static long word(byte[] b, int off) {
        if (b.length != 16) {
            throw new IllegalArgumentException("a blind index has 16 bytes, not " + b.length);
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

        int get(long hi, long lo) {
            int mask = values.length - 1;
            for (int i = (int) lo & mask; ; i = (i + 1) & mask) {
                if (values[i] < 0) {
                    return -1;
                }
                if (keys[2 * i] == hi && keys[2 * i + 1] == lo) {
                    return values[i];
                }
            }
        }

        int putIfAbsent(long hi, long lo, int value) {
            int mask = values.length - 1;
            int i = (int) lo & mask;
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
                    int i = (int) lo & mask;
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
