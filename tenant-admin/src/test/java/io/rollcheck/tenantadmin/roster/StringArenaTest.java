package io.rollcheck.tenantadmin.roster;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StringArenaTest {

    @Test
    void gives_back_every_string_across_chunks_including_one_longer_than_a_chunk() {
        StringArena arena = new StringArena();
        List<String> expected = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String s = i == 77_777 ? "长".repeat(3_000_000) : i % 1000 == 0 ? "" : "买买提·艾力" + i + "𠀋".repeat(rnd.nextInt(3));
            expected.add(s);
            arena.add(i % 2 == 0 ? s : new StringBuilder(s));
        }
        assertEquals(expected.size(), arena.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), arena.get(i), "string " + i);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> arena.get(200_000));
        assertThrows(IndexOutOfBoundsException.class, () -> arena.get(-1));
    }
}
