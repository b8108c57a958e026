package io.rollcheck.webui.signoff;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.webui.BundleChecks;
import io.rollcheck.webui.site.UiTranslations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-off chain's screens say everything in both languages, and every text they ask for exists. */
class ChainBundlesTest {

    @Test
    void chinese_and_english_chain_bundles_have_the_same_keys() {
        assertEquals(BundleChecks.keys("i18n/chain_zh_CN.properties"), BundleChecks.keys("i18n/chain_en.properties"));
    }

    @Test
    void every_chain_text_the_code_names_is_in_the_bundle() {
        assertEquals(Set.of(), BundleChecks.namedButMissing("i18n/chain_zh_CN.properties", "chain."));
    }

    @Test
    void every_roll_status_and_report_status_has_its_words() {
        Set<String> known = BundleChecks.keys("i18n/chain_zh_CN.properties");
        for (String s : List.of("SIGNED", "REPORTED", "CHECKING", "NOT_STARTED")) {
            assertTrue(known.contains("chain.status." + s), s);
        }
        for (String s : List.of("OPEN", "FORWARDED", "RETURNED", "RESOLVED", "REJECTED", "WITHDRAWN")) {
            assertTrue(known.contains("chain.report.status." + s), s);
        }
    }

    @Test
    void the_chain_bundle_and_the_sign_off_refusals_are_found_through_the_ui_translations() {
        UiTranslations t = new UiTranslations();
        assertEquals("签署汇总", t.getTranslation("chain.sign.button", Messages.ZH));
        assertEquals("Sign the summary", t.getTranslation("chain.sign.button", Messages.EN));
        assertEquals("计科2501：已签名 2 / 3 人", t.getTranslation("chain.summary", Messages.ZH, "计科2501", 2, 3));
        assertEquals("本院还有班级未完成汇总签署", t.getTranslation("problem.signoff.classesPending", Messages.ZH));
    }
}
