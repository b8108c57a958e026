package io.rollcheck.platform.pdf;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Noto Sans SC (SIL OFL, from the {@code ph-fonts-noto-sans-sc} jar) for PDFs with Chinese text,
 * embedded as a subset. The 10 MB font is read once; each thread parses its own copy once
 * (a parsed font is not safe to share between threads that render at the same time).
 */
public final class CjkFont {

    private static final String RESOURCE = "fonts/ttf/NotoSansSC/NotoSansSC-Regular.ttf";
    private static volatile byte[] bytes;
    private static final ThreadLocal<TrueTypeFont> PARSED = ThreadLocal.withInitial(CjkFont::parse);

    private CjkFont() {
    }

    /** The font for one document, subset-embedded when the document is saved. */
    public static PDType0Font load(PDDocument doc) throws IOException {
        return PDType0Font.load(doc, PARSED.get(), true);
    }

    private static TrueTypeFont parse() {
        try {
            TrueTypeFont f = new TTFParser().parse(new RandomAccessReadBuffer(bytes()));
            // no glyph substitution: ligatures ("ff" → one glyph) would make copied text (codes, URLs) wrong
            f.setEnableGsub(false);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes() throws IOException {
        byte[] b = bytes;
        if (b == null) {
            synchronized (CjkFont.class) {
                if (bytes == null) {
                    try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                        if (in == null) {
                            throw new IOException("font missing from the class path: " + RESOURCE);
                        }
                        bytes = in.readAllBytes();
                    }
                }
                b = bytes;
            }
        }
        return b;
    }
}
