package io.rollcheck.platform.crypto;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.record.NewStudent;
import io.rollcheck.platform.record.StudentView;
import io.rollcheck.platform.record.Students;
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
            for (NewStudent s : Fixtures.aRoster("2025", 8, null, null)) {
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
    void after_rotating_the_master_key_every_record_decrypts_and_the_old_key_no_longer_works() {
        String oldKey = TestServices.MASTER_KEY;
        String newKey = MasterKeys.generate();
        Tenant t;
        List<Long> ids = new ArrayList<>();
        try (TestApp before = TestApp.start()) {
            t = before.aTenant();
            for (NewStudent s : Fixtures.aRoster("2024", 6, null, null)) {
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
