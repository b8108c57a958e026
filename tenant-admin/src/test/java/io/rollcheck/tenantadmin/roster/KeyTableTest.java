package io.rollcheck.tenantadmin.roster;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyTableTest {

    private static byte[] key(long hi, long lo) {
        return ByteBuffer.allocate(16).putLong(hi).putLong(lo).array();
    }

    @Test
    void agrees_with_a_hash_map_through_growth_and_colliding_slots() {
        KeyTable table = new KeyTable();
        Map<String, Integer> expected = new HashMap<>();
        Random rnd = new Random(7);
        for (int i = 0; i < 60_000; i++) {
            // a third of the keys share their shard and their low bits with others: they must probe past each other
            byte[] k = i % 3 == 0 ? key(rnd.nextInt(4), (long) rnd.nextInt(50) << 32) : key(rnd.nextLong(), rnd.nextLong());
            String hex = HexFormat.of().formatHex(k);
            Integer want = expected.putIfAbsent(hex, i);
            assertEquals(want == null ? -1 : want, table.putIfAbsent(k, i), hex);
        }
        assertEquals(expected.size(), table.size());
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            assertEquals(e.getValue(), table.get(HexFormat.of().parseHex(e.getKey())));
        }
        assertEquals(-1, table.get(key(Long.MAX_VALUE, 12345)));
    }

    @Test
    void packs_short_ascii_one_to_one_and_leaves_the_rest_to_the_caller() {
        KeyTable table = new KeyTable();
        long[] k = new long[2];
        Map<String, Integer> expected = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            // 学号 share long prefixes and differ at the end: the packed keys are far from random
            String no = i % 2 == 0 ? "2025" + String.format("%08d", i) : "S-" + Integer.toString(i, 36).toUpperCase();
            assertTrue(KeyTable.pack(no, k), no);
            Integer want = expected.putIfAbsent(no, i);
            assertEquals(want == null ? -1 : want, table.putIfAbsent(k[0], k[1], i), no);
        }
        assertTrue(KeyTable.pack("202500000000", k));
        assertEquals(0, table.get(k[0], k[1]));
        assertTrue(KeyTable.pack("20250000000", k)); // a prefix is another key
        assertEquals(-1, table.get(k[0], k[1]));
        assertFalse(KeyTable.pack("12345678901234567", k)); // 17 characters
        assertFalse(KeyTable.pack("学号1", k));
    }

    @Test
    void only_sixteen_byte_indexes_and_non_negative_values() {
        KeyTable table = new KeyTable();
        assertThrows(IllegalArgumentException.class, () -> table.putIfAbsent(new byte[32], 1));
        assertThrows(IllegalArgumentException.class, () -> table.putIfAbsent(new byte[16], -1));
        assertEquals(-1, table.putIfAbsent(new byte[16], 0)); // all zero is a key like any other
        assertEquals(0, table.get(new byte[16]));
    }
}
