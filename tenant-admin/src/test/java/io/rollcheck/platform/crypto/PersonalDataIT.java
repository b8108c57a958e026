package io.rollcheck.platform.crypto;

import io.rollcheck.tenantadmin.testing.Rosters;
import io.rollcheck.platform.db.Db;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.StudentView;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.testing.Fixtures;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonalDataIT {

    @Test
    void the_database_holds_no_plaintext_id_number_or_phone_in_any_column() throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant t = app.aTenant();
            for (NewStudent s : Rosters.aRoster("2025", 8, null, null)) {
                app.bean(Students.class).upsert(t.context(), s);
            }
            List<String> needles = new ArrayList<>();
            for (String v : concat(Fixtures.ID_NUMBERS, Fixtures.PHONES)) {
                needles.add(v);
                needles.add(HexFormat.of().formatHex(v.getBytes(StandardCharsets.UTF_8)));
            }
            try (Connection c = TestServices.get().connect()) {
                List<String> tables = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'")) {
                    ps.setString(1, t.schemaName());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            tables.add(rs.getString(1));
                        }
                    }
                }
                assertTrue(tables.contains("students"));
                for (String table : tables) {
                    for (String needle : needles) {
                        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + Db.quote(t.schemaName())
                                + "." + Db.quote(table) + " r WHERE r::text ILIKE ?")) {
                            ps.setString(1, "%" + needle + "%");
                            try (ResultSet rs = ps.executeQuery()) {
                                rs.next();
                                assertEquals(0, rs.getLong(1), "plaintext found in " + table);
                            }
                        }
                    }
                }
            }
            // and yet the values are there for who may see them, found by blind index
            long id = app.bean(Students.class).findByIdNumber(t.context(), Fixtures.ID_NUMBERS.get(3).toLowerCase()).orElseThrow();
            StudentView clear = app.bean(Students.class).read(t.context(), id, true).orElseThrow();
            assertEquals(Fixtures.ID_NUMBERS.get(3), clear.idNumber());
            StudentView masked = app.bean(Students.class).read(t.context(), id, false).orElseThrow();
            assertEquals(Fixtures.ID_NUMBERS.get(3).substring(0, 4) + "**********" + Fixtures.ID_NUMBERS.get(3).substring(14),
                    masked.idNumber());
        }
    }

    @Test
    void a_value_sealed_for_one_tenant_or_field_does_not_open_elsewhere() {
        try (TestApp app = TestApp.start()) {
            Tenant a = app.aTenant();
            Tenant b = app.aTenant();
            Pii pii = app.bean(Pii.class);
            byte[] sealed = pii.seal(a.context(), "id_number", Fixtures.ID_NUMBERS.get(0));
            assertEquals(Fixtures.ID_NUMBERS.get(0), pii.open(a.context(), "id_number", sealed));
            assertThrows(CryptoFailure.class, () -> pii.open(b.context(), "id_number", sealed));
            assertThrows(CryptoFailure.class, () -> pii.open(a.context(), "phone", sealed));
            assertNotEquals(HexFormat.of().formatHex(pii.blindIndex(a.context(), "id_number", "X")),
                    HexFormat.of().formatHex(pii.blindIndex(b.context(), "id_number", "X")));
        }
    }

    @Test
    void blind_indexes_interleaved_across_tenants_and_threads_are_the_hmac_of_field_and_value_under_each_tenants_key()
            throws Exception {
        try (TestApp app = TestApp.start()) {
            Tenant a = app.aTenant();
            Tenant b = app.aTenant();
            Pii pii = app.bean(Pii.class);
            TenantKeys keys = app.bean(TenantKeys.class);
            Map<String, String> expected = new java.util.HashMap<>();
            for (Tenant t : List.of(a, b)) {
                for (String v : List.of("X", "110105200705050011", "王\uD840\uDC0B")) {
                    javax.crypto.Mac m = javax.crypto.Mac.getInstance("HmacSHA256");
                    m.init(keys.of(t.context()).index());
                    byte[] full = m.doFinal(("id_number:" + v).getBytes(StandardCharsets.UTF_8));
                    expected.put(t.schemaName() + v, HexFormat.of().formatHex(java.util.Arrays.copyOf(full, 16)));
                }
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
                for (int n = 0; n < 3; n++) {
                    runs.add(pool.submit(() -> {
                        for (int i = 0; i < 200; i++) {
                            for (Tenant t : List.of(a, b, a)) { // the same thread switches keys back and forth
                                for (String v : List.of("X", "110105200705050011", "王\uD840\uDC0B")) {
                                    assertEquals(expected.get(t.schemaName() + v),
                                            HexFormat.of().formatHex(pii.blindIndex(t.context(), "id_number", v)));
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (java.util.concurrent.Future<?> f : runs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            // sealed values drawn on many threads open, and never share a nonce
            java.util.Set<String> nonces = java.util.concurrent.ConcurrentHashMap.newKeySet();
            List<Thread> threads = new ArrayList<>();
            for (int n = 0; n < 4; n++) {
                Thread th = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        byte[] sealed = pii.seal(a.context(), "phone", "1390000" + i);
                        assertEquals("1390000" + i, pii.open(a.context(), "phone", sealed));
                        assertTrue(nonces.add(HexFormat.of().formatHex(sealed, 1, 13)));
                    }
                });
                threads.add(th);
                th.start();
            }
            for (Thread th : threads) {
                th.join();
            }
            assertEquals(2000, nonces.size());
        }
    }

    @Test
    void after_rotating_the_master_key_every_record_decrypts_and_the_old_key_no_longer_works() {
        String oldKey = TestServices.MASTER_KEY;
        String newKey = MasterKeys.generate();
        Tenant t;
        List<Long> ids = new ArrayList<>();
        try (TestApp before = TestApp.start()) {
            t = before.aTenant();
            for (NewStudent s : Rosters.aRoster("2024", 6, null, null)) {
                ids.add(before.bean(Students.class).upsert(t.context(), s));
            }
        }
        try (TestApp rotating = TestApp.start(Map.of("rollcheck.master-key", newKey, "rollcheck.master-key-previous", oldKey))) {
            int rewrapped = rotating.bean(TenantKeys.class).rotateToCurrentMasterKey();
            assertTrue(rewrapped >= 1, "re-wrapped " + rewrapped);
            assertEquals(0, rotating.bean(TenantKeys.class).rotateToCurrentMasterKey(), "a second run has nothing to do");
        }
        try (TestApp after = TestApp.start(Map.of("rollcheck.master-key", newKey))) {
            for (int i = 0; i < ids.size(); i++) {
                StudentView v = after.bean(Students.class).read(t.context(), ids.get(i), true).orElseThrow();
                assertEquals(Fixtures.ID_NUMBERS.get(i % Fixtures.ID_NUMBERS.size()), v.idNumber());
            }
        }
        try (TestApp stale = TestApp.start(Map.of("rollcheck.master-key", oldKey))) {
            assertThrows(CryptoFailure.class, () -> stale.bean(Students.class).read(t.context(), ids.get(0), true));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
