package cn.zhibiao.retrieval;

/**
 * Field names of the index. Each document is a declaration, one of its indicator rows, or an instruction example;
 * the comment on each field says why it has its Lucene type.
 */
final class Fields {

    /** StringField, stored: exact, unanalysed key of one document, returned with the hit. */
    static final String ID = "id";
    /**
     * StringField, stored: the declaration id on the declaration and on each of its rows, so that one term replaces the
     * whole block atomically on upsert ({@code updateDocuments}) and a row can name its declaration.
     */
    static final String OWNER = "owner";
    /** StringField: a filter (declaration / indicator / example), never scored. */
    static final String TYPE = "type";
    /** StringField: canonical 二级指标 label, an exact filter for "indicators like this one". */
    static final String LEVEL2 = "level2";

    /** TextField (word analyser, positions): the strongest evidence, boosted; positions feed the Matches API. */
    static final String PROJECT_NAME = "projectName";
    /** TextField (word analyser): 人社局 and 人力资源和社会保障局 share words, not strings. */
    static final String DEPARTMENT = "department";
    /** TextField (word analyser): a region matches by its parts (石峰区, 株洲市). */
    static final String REGION = "region";
    /** TextField (word analyser): direction, overview and goals, the prose of the form. */
    static final String GOALS = "goals";
    /** TextField (word analyser): all indicator names and values of a declaration, weak but specific evidence. */
    static final String INDICATORS = "indicators";
    /** TextField (word analyser): the one row of an indicator document, or the text of an instruction example. */
    static final String ROW = "row";
    /** TextField (CJK bigrams, not stored): everything again as character pairs, the recall net for unknown words. */
    static final String BIGRAM = "bigram";
    /**
     * TextField (word analyser) on rows only: the row's project name. Rows have fields of their own so that the
     * declaration legs do not walk the postings of some fifteen times as many row documents.
     */
    static final String ROW_PROJECT_NAME = "rowProjectName";
    /** TextField (CJK bigrams) on rows and examples only, for the same reason. */
    static final String ROW_BIGRAM = "rowBigram";

    /** KnnFloatVectorField (512-d, dot product of unit vectors): bge-small-zh-v1.5 meaning of the declaration. */
    static final String VECTOR = "vector";
    /** StoredField: the whole record as JSON, so that a hit is answered from the index without another store. */
    static final String JSON = "json";

    static final String TYPE_DECLARATION = "declaration";
    static final String TYPE_INDICATOR = "indicator";
    static final String TYPE_EXAMPLE = "example";

    private Fields() {
    }
}
