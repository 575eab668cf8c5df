package cn.zhibiao.retrieval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

import cn.zhibiao.corpus.InstructionExample;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.Indicator;
import cn.zhibiao.indicator.Level2;
import cn.zhibiao.system.Json;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;

/** Turns declarations and examples into Lucene documents (field types are explained in {@link Fields}). */
final class Documents {

    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    private Documents() {
    }

    /** What the vector of a declaration is made of: its name and the first prose that says what it does. */
    static String passage(Declaration d) {
        String prose = Stream.of(d.overview(), d.annualGoal(), d.periodGoal(), d.direction())
                .filter(s -> s != null && !s.isBlank()).findFirst().orElse("");
        return (nz(d.projectName()) + "。" + prose).strip();
    }

    /** The declaration's document followed by one document per indicator row, all under the declaration's id. */
    static List<Document> declaration(Declaration d, float[] vector) {
        String id = d.id();
        List<Document> docs = new ArrayList<>();
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, id, Field.Store.YES));
        doc.add(new StringField(Fields.OWNER, id, Field.Store.YES));
        doc.add(new StringField(Fields.TYPE, Fields.TYPE_DECLARATION, Field.Store.NO));
        String goals = join("。", d.direction(), d.overview(), d.periodGoal(), d.annualGoal());
        doc.add(new TextField(Fields.PROJECT_NAME, nz(d.projectName()), Field.Store.NO));
        doc.add(new TextField(Fields.DEPARTMENT, nz(d.department()), Field.Store.NO));
        doc.add(new TextField(Fields.REGION, nz(d.region()), Field.Store.NO));
        doc.add(new TextField(Fields.GOALS, goals, Field.Store.NO));
        doc.add(new TextField(Fields.INDICATORS,
                d.indicators().stream().map(Documents::rowText).collect(Collectors.joining("；")), Field.Store.NO));
        doc.add(new TextField(Fields.BIGRAM, join("。", d.projectName(), d.department(), goals), Field.Store.NO));
        doc.add(new KnnFloatVectorField(Fields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        doc.add(new StoredField(Fields.JSON, COMPACT.writeValueAsString(d)));
        docs.add(doc);
        for (int i = 0; i < d.indicators().size(); i++) {
            Indicator row = d.indicators().get(i);
            Document r = new Document();
            r.add(new StringField(Fields.ID, id + "/" + i, Field.Store.YES));
            r.add(new StringField(Fields.OWNER, id, Field.Store.YES));
            r.add(new StringField(Fields.TYPE, Fields.TYPE_INDICATOR, Field.Store.NO));
            if (row.level2() != null) {
                r.add(new StringField(Fields.LEVEL2, row.level2().label(), Field.Store.NO));
            }
            r.add(new TextField(Fields.ROW, rowText(row), Field.Store.NO));
            r.add(new TextField(Fields.ROW_PROJECT_NAME, nz(d.projectName()), Field.Store.NO));
            r.add(new TextField(Fields.ROW_BIGRAM, join("。", rowText(row), d.projectName()), Field.Store.NO));
            r.add(new StoredField(Fields.JSON, COMPACT.writeValueAsString(row)));
            docs.add(r);
        }
        return docs;
    }

    static Document example(InstructionExample e) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, "example/" + e.id(), Field.Store.YES));
        doc.add(new StringField(Fields.OWNER, "example/" + e.id(), Field.Store.NO));
        doc.add(new StringField(Fields.TYPE, Fields.TYPE_EXAMPLE, Field.Store.NO));
        doc.add(new StringField(Fields.LEVEL2, level2Label(e.level2()), Field.Store.NO));
        String text = Stream.of(e.topic(), e.name(), e.periodValue(), e.annualValue())
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        doc.add(new TextField(Fields.ROW, text, Field.Store.NO));
        doc.add(new TextField(Fields.ROW_BIGRAM, text, Field.Store.NO));
        doc.add(new StoredField(Fields.JSON, COMPACT.writeValueAsString(e)));
        return doc;
    }

    /** The canonical label when the wording is in the taxonomy (数量 → 数量指标), else the wording itself. */
    static String level2Label(String wording) {
        if (wording == null) {
            return "";
        }
        Level2 level2 = Level2.fromLabel(wording);
        return level2 == null ? wording.strip() : level2.label();
    }

    static String rowText(Indicator row) {
        return join(" ", row.name(), row.value());
    }

    private static String join(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank()).map(String::strip)
                .collect(Collectors.joining(separator));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
