package io.rollcheck.tenantadmin.roster;

import java.util.Arrays;

/**
 * Many strings kept for the length of a read (a workbook's shared strings: half a million for a
 * 100,000-row roster) as characters in a few large arrays instead of as objects. As objects the
 * young collector copied each of them twice before they settled, in the pauses that stop every
 * thread; large arrays are allocated straight into the old generation and never copied. Each
 * {@link #get} makes a new, short-lived String.
 */
final class StringArena {

    private static final int CHUNK = 1 << 20; // characters
    private char[][] chunks = new char[1][];
    private int chunk = -1;
    private int used = CHUNK; // the current chunk is full: the first add opens one
    /** Per string: its chunk, its offset in the chunk, its length. */
    private int[] where = new int[3 * 1024];
    private int size;

    void add(CharSequence s) {
        int len = s.length();
        if (used + len > CHUNK || chunk < 0) {
            if (++chunk == chunks.length) {
                chunks = Arrays.copyOf(chunks, chunks.length * 2);
            }
            chunks[chunk] = new char[Math.max(CHUNK, len)];
            used = 0;
        }
        char[] c = chunks[chunk];
        for (int i = 0; i < len; i++) {
            c[used + i] = s.charAt(i);
        }
        if (3 * size + 3 > where.length) {
            where = Arrays.copyOf(where, where.length * 2);
        }
        where[3 * size] = chunk;
        where[3 * size + 1] = used;
        where[3 * size + 2] = len;
        size++;
        used += len;
    }

    String get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("string " + i + " of " + size);
        }
        return new String(chunks[where[3 * i]], where[3 * i + 1], where[3 * i + 2]);
    }

    int size() {
        return size;
    }
}
