package io.rollcheck.tenantadmin.roster;

import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The roster import through the API, and the refusals around it (other tenants, other roles). */
class RosterApiIT {

    static TestApp app;
    static Tenant a;
    static Tenant b;
    static String tokenA;
    static String tokenB;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        a = app.aTenant();
        b = app.aTenant();
        app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
        app.bean(TenantAccounts.class).setPassword(b.context(), "admin", "registrar-pass-1");
        tokenA = app.login(a.slug() + ".localhost", "admin", "registrar-pass-1");
        tokenB = app.login(b.slug() + ".localhost", "admin", "registrar-pass-1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    byte[] roster(int n) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(RosterFixtures.row("2029", i, "新生1班"));
        }
        return Files.readAllBytes(RosterFixtures.utf8(dir, rows));
    }

    static long students(Tenant t) throws Exception {
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Db.quote(t.schemaName()) + ".students")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_dry_run_reports_then_a_commit_writes_and_the_history_keeps_both() throws Exception {
        String host = a.slug() + ".localhost";
        byte[] file = roster(12);
        HttpResponse<String> dry = app.upload(host, "/api/admin/roster/imports?dryRun=true&createMissingClasses=true", "名单.csv", file, tokenA);
        assertEquals(200, dry.statusCode(), dry.body());
        assertTrue(dry.body().contains("\"rows\":12") && dry.body().contains("\"created\":12") && dry.body().contains("\"committed\":false"), dry.body());
        assertTrue(dry.body().contains("\"missingClasses\":[\"新生1班\"]"), dry.body());
        assertEquals(0, students(a));
        HttpResponse<String> commit = app.upload(host, "/api/admin/roster/imports?dryRun=false&createMissingClasses=true", "名单.csv", file, tokenA);
        assertTrue(commit.body().contains("\"committed\":true"), commit.body());
        assertEquals(12, students(a));
        try (Connection c = TestServices.get().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + Db.quote(a.schemaName())
                     + ".students s JOIN " + Db.quote(a.schemaName()) + ".classes k ON k.id = s.class_id WHERE k.name = '新生1班'")) {
            rs.next();
            assertEquals(12, rs.getLong(1), "students of a class created by the import are linked to it");
        }
        HttpResponse<String> history = app.get(host, "/api/admin/roster/imports", tokenA);
        assertTrue(history.body().contains("名单.csv") && history.body().contains("\"committed\":true")
                && history.body().contains("\"committed\":false"), history.body());
    }

    @Test
    void a_bad_file_gets_a_problem_with_a_translated_message() throws Exception {
        String host = a.slug() + ".localhost";
        HttpResponse<String> r = app.upload(host, "/api/admin/roster/imports?dryRun=false", "old.xls",
                new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4}, tokenA);
        assertEquals(422, r.statusCode());
        assertTrue(r.body().contains("\"code\":\"roster.file.legacyExcel\"") && r.body().contains(".xlsx"), r.body());
    }

    @Test
    void another_tenants_admin_and_other_roles_are_refused_and_nothing_is_written() throws Exception {
        long before = students(a);
        String hostA = a.slug() + ".localhost";
        HttpResponse<String> cross = app.upload(hostA, "/api/admin/roster/imports?dryRun=false&createMissingClasses=true", "x.csv", roster(3), tokenB);
        assertTrue(cross.statusCode() == 401 || cross.statusCode() == 403, "status " + cross.statusCode());
        assertFalse(cross.body().contains("created"));
        assertEquals(before, students(a));
        HttpResponse<String> historyCross = app.get(hostA, "/api/admin/roster/imports", tokenB);
        assertTrue(historyCross.statusCode() == 401 || historyCross.statusCode() == 403);
        assertEquals(401, app.upload(hostA, "/api/admin/roster/imports", "x.csv", roster(1), null).statusCode());
    }
}
