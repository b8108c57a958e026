package io.rollcheck.webui.site;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.webui.BundleChecks;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Both languages say everything, and dates read the way each language writes them. */
class UiBundlesTest {

    @Test
    void chinese_and_english_bundles_have_the_same_keys() {
        assertEquals(BundleChecks.keys("i18n/ui_zh_CN.properties"), BundleChecks.keys("i18n/ui_en.properties"));
    }

    @Test
    void translations_come_from_the_ui_bundle_then_the_platform_bundle() {
        UiTranslations t = new UiTranslations();
        assertEquals("学校入驻申请", t.getTranslation("signup.title", Messages.ZH));
        assertEquals("Sign up your university", t.getTranslation("signup.title", Messages.EN));
        assertEquals("电子邮箱格式不正确", t.getTranslation("error.email.format", Messages.ZH));
        assertEquals("平台联系方式：a@b.cn", t.getTranslation("page.contact", Messages.ZH, "a@b.cn"));
    }

    @Test
    void dates_are_written_the_chinese_way_in_chinese() {
        Instant at = Instant.parse("2025-10-21T16:30:00Z"); // 00:30 on the 22nd in Shanghai
        assertEquals("2025年10月22日", Dates.date(at, null, Messages.ZH));
        assertEquals("October 22, 2025", Dates.date(at, "Asia/Shanghai", Messages.EN));
        // a deadline ends at the start of the next day in the tenant's zone, and is shown as its own day
        Instant endOf22nd = Instant.parse("2025-10-22T16:00:00Z"); // 00:00 on the 23rd in Shanghai
        assertEquals("2025年10月22日", Dates.lastDay(endOf22nd, "Asia/Shanghai", Messages.ZH));
        assertEquals("2025年10月23日", Dates.date(endOf22nd, "Asia/Shanghai", Messages.ZH));
    }
}
