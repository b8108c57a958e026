package io.rollcheck.tenantadmin.org;

import io.rollcheck.tenantadmin.testing.Rosters;
import io.rollcheck.tenantadmin.record.NewStudent;
import io.rollcheck.tenantadmin.record.Students;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.platform.tenancy.TenantAccounts;
import io.rollcheck.platform.testing.TestApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrganisationIT {

    static TestApp app;
    static Tenant a;
    static String hostA;
    static String admin;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        a = app.aTenant();
        hostA = a.slug() + ".localhost";
        app.bean(TenantAccounts.class).setPassword(a.context(), "admin", "registrar-pass-1");
        admin = app.login(hostA, "admin", "registrar-pass-1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    static long id(HttpResponse<String> r) {
        assertEquals(201, r.statusCode(), r.body());
        return Long.parseLong(r.body().replaceAll(".*\"id\":(\\d+).*", "$1"));
    }

    @Test
    void the_registrar_builds_colleges_classes_and_scoped_staff_who_see_only_their_college() {
        long cs = id(app.post(hostA, "/api/admin/colleges", "{\"code\":\"CS\",\"nameZh\":\"计算机学院\",\"nameEn\":\"Computing\"}", admin));
        long fl = id(app.post(hostA, "/api/admin/colleges", "{\"code\":\"FL\",\"nameZh\":\"外国语学院\"}", admin));
        long k1 = id(app.post(hostA, "/api/admin/classes", "{\"collegeId\":" + cs + ",\"code\":\"CS2501\",\"name\":\"计科2501\",\"cohort\":2025,\"level\":\"本科\"}", admin));
        long k2 = id(app.post(hostA, "/api/admin/classes", "{\"collegeId\":" + fl + ",\"code\":\"EN2501\",\"name\":\"英语2501\",\"cohort\":2025}", admin));
        assertEquals(201, app.post(hostA, "/api/admin/majors", "{\"collegeId\":" + cs + ",\"name\":\"软件工程\"}", admin).statusCode());
        for (NewStudent s : Rosters.aRoster("ORG", 2, k1, cs)) {
            app.bean(Students.class).upsert(a.context(), s);
        }
        HttpResponse<String> staff = app.post(hostA, "/api/admin/staff", "{\"username\":\"cs.office\",\"displayName\":\"计算机学院教务员\","
                + "\"email\":\"cs@example.edu.cn\",\"roles\":[\"COLLEGE_STAFF\"],\"collegeIds\":[" + cs + "]}", admin);
        assertEquals(201, staff.statusCode(), staff.body());
        String link = staff.body().replaceAll(".*\"setupLink\":\"([^\"]+)\".*", "$1");
        assertTrue(link.startsWith("http://" + hostA + ":"), link);
        app.bean(TenantAccounts.class).completeSetup(a.context(), link.substring(link.lastIndexOf('/') + 1), "college-pass-1", null);
        String staffToken = app.login(hostA, "cs.office", "college-pass-1");
        assertEquals(200, app.get(hostA, "/api/classes/" + k1 + "/students", staffToken).statusCode());
        assertEquals(404, app.get(hostA, "/api/classes/" + k2 + "/students", staffToken).statusCode());
        int refused = app.get(hostA, "/api/admin/colleges", staffToken).statusCode();
        assertEquals(403, refused, "college staff do not manage the organisation");

        assertEquals(204, app.call("PUT", hostA, "/api/admin/classes/" + k1 + "/monitor", "{\"studentNo\":\"ORG0001\"}", admin).statusCode());
        HttpResponse<String> list = app.get(hostA, "/api/admin/staff", admin);
        assertTrue(list.body().contains("\"username\":\"ORG0001\"") && list.body().contains("CLASS_MONITOR"), list.body());
        assertEquals(422, app.call("PUT", hostA, "/api/admin/classes/" + k2 + "/monitor", "{\"studentNo\":\"ORG0002\"}", admin).statusCode(),
                "a monitor must be a student of that class");
    }

    @Test
    void bad_input_names_the_field_and_duplicates_are_refused() {
        HttpResponse<String> r = app.post(hostA, "/api/admin/staff", "{\"username\":\"x\",\"displayName\":\"\",\"email\":\"bad\",\"roles\":[\"STUDENT\"]}", admin);
        assertEquals(422, r.statusCode());
        for (String f : new String[]{"username", "displayName", "email", "roles"}) {
            assertTrue(r.body().contains("\"field\":\"" + f + "\""), r.body());
        }
        assertEquals(201, app.post(hostA, "/api/admin/colleges", "{\"code\":\"DUP\",\"nameZh\":\"重复学院\"}", admin).statusCode());
        HttpResponse<String> dup = app.post(hostA, "/api/admin/colleges", "{\"code\":\"DUP\",\"nameZh\":\"重复学院\"}", admin);
        assertEquals(422, dup.statusCode());
        assertTrue(dup.body().contains("org.taken"));
    }

    @Test
    void colleges_and_classes_import_from_a_list_all_or_nothing_and_idempotently() {
        String bad = "学院,班级,班级代码,年级\n计算机学院,计科2601,CS2601,2026\n,计科2602,CS2602,2026\n计算机学院,计科2603,CS2601,二零二六\n";
        HttpResponse<String> r = app.upload(hostA, "/api/admin/classes/import?dryRun=false", "classes.csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"committed\":false") && r.body().contains("\"rejected\":2"), r.body());
        assertTrue(r.body().contains("\"row\":3") && r.body().contains("\"row\":4") && r.body().contains("class.duplicate")
                && r.body().contains("year.format"), r.body());
        assertTrue(!app.get(hostA, "/api/admin/classes", admin).body().contains("CS2601"), "nothing written");
        String good = "学院,学院代码,班级,班级代码,年级,层次\n计算机学院,CS26,计科2601,CS2601,2026,本科\n"
                + "计算机学院,CS26,计科2602,CS2602,2026,本科\n数学学院,MA26,数学2601,MA2601,2026级,本科\n";
        HttpResponse<String> ok = app.upload(hostA, "/api/admin/classes/import?dryRun=false", "classes.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertTrue(ok.body().contains("\"collegesCreated\":2") && ok.body().contains("\"classesCreated\":3"), ok.body());
        HttpResponse<String> again = app.upload(hostA, "/api/admin/classes/import?dryRun=false", "classes.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertTrue(again.body().contains("\"classesCreated\":0") && again.body().contains("\"unchanged\":3"), again.body());
        HttpResponse<String> pdf = app.upload(hostA, "/api/admin/classes/import?dryRun=true", "classes.csv",
                "%PDF-1.4 x".getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertEquals(422, pdf.statusCode());
    }

    @Test
    void staff_accounts_import_from_a_list_with_a_setup_link_each() {
        app.post(hostA, "/api/admin/colleges", "{\"code\":\"ST\",\"nameZh\":\"统计学院\"}", admin);
        long cls = id(app.post(hostA, "/api/admin/classes", "{\"collegeId\":" + app.get(hostA, "/api/admin/colleges", admin).body()
                .replaceAll(".*\"id\":(\\d+),\"code\":\"ST\".*", "$1") + ",\"code\":\"ST2501\",\"name\":\"统计2501\"}", admin));
        String bad = "工号,姓名,邮箱,角色,学院,班级\nst01,统计学院教务员,st@example.edu.cn,学院工作人员,ST,\nst02,辅导员甲,,校长,,\nst03,辅导员乙,,辅导员,,NOPE\n";
        HttpResponse<String> r = app.upload(hostA, "/api/admin/staff/import?dryRun=false", "staff.csv",
                bad.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertTrue(r.body().contains("\"committed\":false") && r.body().contains("\"rejected\":2")
                && r.body().contains("staff.role") && r.body().contains("class.unknown"), r.body());
        assertTrue(!app.get(hostA, "/api/admin/staff", admin).body().contains("st01"), "nothing written");
        String good = "工号,姓名,邮箱,角色,学院,班级\nst01,统计学院教务员,st@example.edu.cn,学院工作人员,ST,\nst03,辅导员乙,,辅导员,,ST2501\n";
        HttpResponse<String> ok = app.upload(hostA, "/api/admin/staff/import?dryRun=false", "staff.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertTrue(ok.body().contains("\"created\":2") && ok.body().contains("/setup/"), ok.body());
        HttpResponse<String> again = app.upload(hostA, "/api/admin/staff/import?dryRun=false", "staff.csv",
                good.getBytes(java.nio.charset.StandardCharsets.UTF_8), admin);
        assertTrue(again.body().contains("\"created\":0") && again.body().contains("\"unchanged\":2"), again.body());
        assertTrue(cls > 0);
    }

    @Test
    void another_tenants_admin_is_refused() {
        Tenant b = app.aTenant();
        app.bean(TenantAccounts.class).setPassword(b.context(), "admin", "registrar-pass-1");
        String tokenB = app.login(b.slug() + ".localhost", "admin", "registrar-pass-1");
        for (String path : new String[]{"/api/admin/colleges", "/api/admin/classes", "/api/admin/staff", "/api/admin/majors"}) {
            int s = app.get(hostA, path, tokenB).statusCode();
            assertTrue(s == 401 || s == 403, path + " " + s);
        }
        int post = app.post(hostA, "/api/admin/colleges", "{\"code\":\"EVIL\",\"nameZh\":\"入侵\"}", tokenB).statusCode();
        assertTrue(post == 401 || post == 403);
        assertTrue(app.get(hostA, "/api/admin/colleges", admin).body().indexOf("EVIL") < 0);
    }
}
