package io.rollcheck.tenantadmin.campaign;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.rollcheck.platform.tenancy.TenantContext;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search over a published campaign's FAQ that works for Chinese questions ("手机号已注册", "没有学籍"):
 * each text is indexed twice, as smartcn words and as CJK bigrams (smartcn alone splits words such as
 * 验证码 differently in a question and an answer; bigrams catch those), question and keywords weighing
 * more than the answer. One small in-memory index per published version, built on first use.
 */
@Singleton
public class FaqSearch {

    /** A hit: the entry's position in the FAQ and the entry. */
    @io.micronaut.serde.annotation.Serdeable
    public record Hit(int index, CampaignContent.FaqEntry entry) {
    }

    private static final String[] FIELDS = {"q", "k", "a"};
    private static final float[] BOOST = {3f, 3f, 1f};

    private final Analyzer words = new SmartChineseAnalyzer();
    private final Analyzer bigrams = new CJKAnalyzer();
    private final Analyzer indexing;
    private final Cache<String, IndexSearcher> indexes = Caffeine.newBuilder().maximumSize(2_000)
            .expireAfterAccess(Duration.ofHours(6)).build();

    public FaqSearch() {
        Map<String, Analyzer> per = new java.util.HashMap<>();
        for (String f : FIELDS) {
            per.put(f + "_w", words);
            per.put(f + "_b", bigrams);
        }
        indexing = new PerFieldAnalyzerWrapper(bigrams, per);
    }

    /** The FAQ entries matching {@code query}, best first (at most {@code limit}); all of them for a blank query. */
    public List<Hit> search(TenantContext t, PublishedCampaign c, String query, int limit) {
        List<CampaignContent.FaqEntry> faq = c.content().faq() == null ? List.of() : c.content().faq();
        if (query == null || query.isBlank()) {
            List<Hit> all = new ArrayList<>();
            for (int i = 0; i < faq.size() && i < limit; i++) {
                all.add(new Hit(i, faq.get(i)));
            }
            return all;
        }
        IndexSearcher searcher = indexes.get(t.tenantId() + ":" + c.campaignId() + ":" + c.version() + ":" + c.sha256(),
                k -> build(faq));
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        int clauses = 0;
        for (int i = 0; i < FIELDS.length; i++) {
            for (String[] variant : new String[][]{{"_w", "w"}, {"_b", "b"}}) {
                String field = FIELDS[i] + variant[0];
                for (String term : terms(variant[1].equals("w") ? words : bigrams, field, query)) {
                    if (clauses++ < 200) {
                        q.add(new BoostQuery(new TermQuery(new Term(field, term)), BOOST[i]), BooleanClause.Occur.SHOULD);
                    }
                }
            }
        }
        if (clauses == 0) {
            return List.of();
        }
        try {
            List<Hit> out = new ArrayList<>();
            for (ScoreDoc d : searcher.search(q.build(), Math.max(1, limit)).scoreDocs) {
                int idx = searcher.storedFields().document(d.doc).getField("i").numericValue().intValue();
                out.add(new Hit(idx, faq.get(idx)));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndexSearcher build(List<CampaignContent.FaqEntry> faq) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(indexing))) {
                for (int i = 0; i < faq.size(); i++) {
                    CampaignContent.FaqEntry e = faq.get(i);
                    String[] texts = {e.question(), e.keywords() == null ? "" : String.join(" ", e.keywords()), e.answer()};
                    Document doc = new Document();
                    doc.add(new StoredField("i", i));
                    for (int f = 0; f < FIELDS.length; f++) {
                        String text = texts[f] == null ? "" : texts[f];
                        doc.add(new TextField(FIELDS[f] + "_w", text, Field.Store.NO));
                        doc.add(new TextField(FIELDS[f] + "_b", text, Field.Store.NO));
                    }
                    w.addDocument(doc);
                }
            }
            return new IndexSearcher(DirectoryReader.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> terms(Analyzer a, String field, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = a.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
