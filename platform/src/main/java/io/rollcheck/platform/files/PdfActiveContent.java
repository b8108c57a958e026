package io.rollcheck.platform.files;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Removes what a PDF can run or launch, so that an uploaded PDF is a document and nothing more:
 * the document's open action, every additional-actions ({@code /AA}) trigger (document, page,
 * field, annotation), document-level JavaScript and embedded files in the name tree, XFA forms,
 * and every action other than "go to a place in this document" and a web or mail link, wherever it
 * hangs (links, form widgets, bookmarks, action chains). Annotations that carry files or media are
 * removed. The file is parsed and written anew by PDFBox, so earlier revisions and unreferenced
 * objects (incremental updates) are gone too; objects are written without object streams, so what
 * is left can be read in the bytes.
 *
 * <p>Encrypted PDFs are refused: what they hold cannot be checked.
 */
public final class PdfActiveContent {

    /** Why a PDF was refused. */
    public enum Refusal { UNREADABLE, ENCRYPTED }

    /** A PDF that cannot be cleaned. */
    public static final class Refused extends Exception {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private static final Set<COSName> DROPPED_KEYS = Set.of(COSName.AA, COSName.OPEN_ACTION, COSName.JAVA_SCRIPT,
            COSName.JS, COSName.EMBEDDED_FILES, COSName.XFA, COSName.getPDFName("RichMediaContent"));
    private static final Set<String> DROPPED_ANNOTATIONS = Set.of("FileAttachment", "RichMedia", "Screen", "Movie",
            "Sound", "3D");
    private static final COSName ACTION_KEY = COSName.A;
    private static final COSName NEXT = COSName.getPDFName("Next");

    private PdfActiveContent() {
    }

    /** The cleaned PDF; {@link Refused} when it does not parse, has no page, or is encrypted. */
    public static byte[] strip(byte[] pdf) throws Refused {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) {
                throw new Refused(Refusal.ENCRYPTED);
            }
            if (doc.getNumberOfPages() < 1) {
                throw new Refused(Refusal.UNREADABLE);
            }
            clean(doc.getDocument().getTrailer());
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        } catch (InvalidPasswordException e) {
            throw new Refused(Refusal.ENCRYPTED);
        } catch (IOException | RuntimeException e) {
            throw new Refused(Refusal.UNREADABLE);
        }
    }

    /** Walks every object reachable from the trailer once, cleaning each dictionary. */
    private static void clean(COSDictionary trailer) {
        Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<COSBase> todo = new ArrayDeque<>();
        todo.push(trailer);
        while (!todo.isEmpty()) {
            COSBase b = todo.pop();
            if (b instanceof COSObject o) {
                b = o.getObject();
            }
            if (b == null || !seen.add(b)) {
                continue;
            }
            if (b instanceof COSDictionary d) {
                cleanDictionary(d);
                todo.addAll(d.getValues());
            } else if (b instanceof COSArray a) {
                for (int i = 0; i < a.size(); i++) {
                    todo.push(a.get(i));
                }
            }
        }
    }

    private static void cleanDictionary(COSDictionary d) {
        for (COSName k : DROPPED_KEYS) {
            d.removeItem(k);
        }
        COSBase a = d.getDictionaryObject(ACTION_KEY);
        if (a instanceof COSDictionary action && !harmless(action)) {
            d.removeItem(ACTION_KEY);
        }
        COSBase next = d.getDictionaryObject(NEXT);
        if (next instanceof COSDictionary n && !harmless(n)) {
            d.removeItem(NEXT);
        } else if (next instanceof COSArray chain) {
            for (int i = chain.size() - 1; i >= 0; i--) {
                if (!(chain.getObject(i) instanceof COSDictionary n) || !harmless(n)) {
                    chain.remove(i);
                }
            }
        }
        COSBase annots = d.getDictionaryObject(COSName.ANNOTS);
        if (annots instanceof COSArray list) {
            cleanAnnotations(list);
        }
    }

    /** Drops annotations that carry files or media from a page's /Annots. */
    private static void cleanAnnotations(COSArray a) {
        for (int i = a.size() - 1; i >= 0; i--) {
            if (a.getObject(i) instanceof COSDictionary annot && annot.getNameAsString(COSName.SUBTYPE) != null
                    && DROPPED_ANNOTATIONS.contains(annot.getNameAsString(COSName.SUBTYPE))) {
                a.remove(i);
            }
        }
    }

    /** A go-to within the document, or a link to a web page or a mail address. */
    private static boolean harmless(COSDictionary action) {
        String type = action.getNameAsString(COSName.S);
        if ("GoTo".equals(type)) {
            return true;
        }
        if ("URI".equals(type)) {
            COSBase uri = action.getDictionaryObject(COSName.URI);
            if (uri instanceof COSString s) {
                String u = s.getString().strip().toLowerCase(Locale.ROOT);
                return List.of("https:", "http:", "mailto:").stream().anyMatch(u::startsWith);
            }
        }
        return false;
    }
}
