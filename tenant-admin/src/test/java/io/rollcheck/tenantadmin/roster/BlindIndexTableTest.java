package io.rollcheck.tenantadmin.roster;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BlindIndexTableTest {

    private static byte[] key(long hi, long lo) {
        return ByteBuffer.allocate(16).putLong(hi).putLong(lo).array();
    }

    @Test
    void agrees_with_a_hash_map_through_growth_and_colliding_slots() {
        BlindIndexTable table = new BlindIndexTable();
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
    void only_sixteen_byte_indexes_and_non_negative_values() {
        BlindIndexTable table = new BlindIndexTable();
        assertThrows(IllegalArgumentException.class, () -> table.putIfAbsent(new byte[32], 1));
        assertThrows(IllegalArgumentException.class, () -> table.putIfAbsent(new byte[16], -1));
        assertEquals(-1, table.putIfAbsent(new byte[16], 0)); // all zero is a key like any other
        assertEquals(0, table.get(new byte[16]));
    }
}
