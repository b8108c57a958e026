package io.rollcheck.webui;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.rollcheck.tenantadmin.campaign.CampaignContent;
import io.rollcheck.platform.db.Db;
import io.rollcheck.platform.tenancy.Tenant;
import io.rollcheck.tenantadmin.testing.CampaignFixture;
import io.rollcheck.tenantadmin.testing.OrgFixture;
import io.rollcheck.platform.testing.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.rollcheck.webui.UiTestSupport.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 13, item 2 on the UI: a student whose university's table is locked is told, in the UI's
 * language, to wait N seconds and that nothing was done; once the lock is gone the same click works,
 * and exactly one answer is stored.
 */
class TenantBusyBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static UiTestSupport.Rig rig;
    private static Tenant tenant;
    private static OrgFixture org;

    @BeforeAll
    static void start() {
        rig = UiTestSupport.Rig.start();
        tenant = UiTestSupport.aTenant(rig.app());
        String prefix = "26" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 3);
        org = new OrgFixture(rig.fixtures(), tenant, prefix, 2);
        CampaignFixture.publish(rig.fixtures(), tenant, "2025级本科新生学籍核对",
                CampaignFixture.aCampaign(TODAY, 10, CampaignContent.LatePolicy.REFUSE));
    }

    @AfterAll
    static void stop() {
        if (rig != null) {
            rig.close();
        }
    }

    /** Counted on {@code c} (the side connection holding the lock can read under it). */
    private static int phoneAnswers(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + Db.quote(tenant.schemaName())
                + ".field_checks WHERE student_id = ? AND field = 'phone'")) {
            ps.setLong(1, org.studentsK1.get(1));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void a_student_of_a_stalled_university_is_told_how_long_to_wait_and_the_retry_works() throws Exception {
        try (BrowserContext ctx = UiTestSupport.phone(rig.browser(), "zh-CN")) {
            Page page = ctx.newPage();
            rig.signIn(page, tenant, "student2", OrgFixture.PASSWORD);
            page.waitForURL(Pattern.compile(".*/check$"));
            page.locator("#nav-check-fields").click();
            page.waitForURL(Pattern.compile(".*/check/fields$"));

            try (Connection side = TestServices.get().connect()) {
                side.setAutoCommit(false);
                try (Statement s = side.createStatement()) {
                    s.execute("LOCK TABLE " + Db.quote(tenant.schemaName()) + ".field_checks IN ACCESS EXCLUSIVE MODE");
                }
                page.locator("#check-phone-match").click();
                assertThat(page.locator("vaadin-notification-card[theme~=error]")).containsText(Pattern.compile("本校数据正忙，本次操作未执行，请 \\d+ 秒后再试"),
                        new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
                screenshot(page, "90-student-tenant-busy-phone-zh");
                assertEquals(0, phoneAnswers(side), "nothing of the refused click was stored");
                side.rollback();
            }
            page.locator("#check-phone-match").click();
            assertThat(page.locator("#check-phone")).hasAttribute("data-answer", "MATCH");
            try (Connection c = TestServices.get().connect()) {
                assertEquals(1, phoneAnswers(c));
            }
        }
    }
}
