package io.rollcheck.webui.chain;

import io.rollcheck.platform.i18n.Messages;
import io.rollcheck.webui.site.UiTranslations;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sign-off chain's screens say everything in both languages, and every text they ask for exists. */
class ChainBundlesTest {

    private static final Path SOURCES = Path.of("src", "main", "java", "io", "rollcheck", "webui");

    @Test
    void chinese_and_english_chain_bundles_have_the_same_keys() throws IOException {
        assertEquals(keys("i18n/chain_zh_CN.properties"), keys("i18n/chain_en.properties"));
    }

    @Test
    void every_chain_text_the_code_names_is_in_the_bundle() throws IOException {
        Set<String> known = keys("i18n/chain_zh_CN.properties");
        Set<String> missing = new TreeSet<>();
        Pattern literal = Pattern.compile("\"(chain\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(m.group(1) + " (" + f.getFileName() + ")");
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
    }

    @Test
    void every_roll_status_and_report_status_has_its_words() throws IOException {
        Set<String> known = keys("i18n/chain_zh_CN.properties");
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

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ChainBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
