package io.rollcheck.webui.selfcheck;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.tenantadmin.selfcheck.CheckState;
import io.rollcheck.webui.BundleChecks;
import io.rollcheck.webui.site.UiTranslations;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The student self-check says everything in both languages, and every text it asks for exists. */
class StudentBundlesTest {

    @Test
    void chinese_and_english_student_bundles_have_the_same_keys() {
        assertEquals(BundleChecks.keys("i18n/student_zh_CN.properties"), BundleChecks.keys("i18n/student_en.properties"));
    }

    @Test
    void every_student_text_the_code_names_is_in_the_bundle() {
        assertEquals(Set.of(), BundleChecks.namedButMissing("i18n/student_zh_CN.properties", "student.", "verify."));
    }

    @Test
    void every_status_report_state_and_next_step_has_its_words() {
        Set<String> known = BundleChecks.keys("i18n/student_zh_CN.properties");
        for (CheckState.Status s : CheckState.Status.values()) {
            assertTrue(known.contains("student.status." + s), s.name());
            assertTrue(known.contains("student.status.detail." + s), s.name());
        }
        for (String s : List.of("OPEN", "FORWARDED", "RETURNED", "RESOLVED", "REJECTED", "WITHDRAWN")) {
            assertTrue(known.contains("student.report.status." + s), s);
        }
        for (String kind : List.of("NUDGE", "REMINDER")) { // the kinds of student_messages other than REPORT_STATUS
            assertTrue(known.contains("student.messages.kind." + kind), kind);
        }
        for (String s : List.of("CHECK_FIELDS", "SIGN", "DONE", "CONTACT_OFFICE")) {
            assertTrue(known.contains("student.next." + s), s);
        }
        for (String s : List.of("none", "match", "corrected", "reported", "paper")) {
            assertTrue(known.contains("student.check.state." + s), s);
        }
        for (CheckState.Phase p : List.of(CheckState.Phase.NOT_OPEN, CheckState.Phase.CLOSED)) {
            assertTrue(known.contains("student.fields.closed." + p), p.name());
        }
    }

    @Test
    void the_student_bundle_is_found_through_the_ui_translations() {
        UiTranslations t = new UiTranslations();
        assertEquals("已报告错误，处理中", t.getTranslation("student.status.REPORTED", Messages.ZH));
        assertEquals("Errors reported, being handled", t.getTranslation("student.status.REPORTED", Messages.EN));
        assertEquals("已核对 3 / 5 项", t.getTranslation("student.progress", Messages.ZH, 3, 5));
        // the platform's and the UI's texts are still there behind it
        assertEquals("身份证号", t.getTranslation("field.idNumber", Messages.ZH));
        assertNotEquals("sex.M", t.getTranslation("sex.M", Messages.ZH));
    }
}
