package cn.zhibiao.retrieval;

/** The word segmenters compared on the dev relevance set; both are given the domain dictionary. */
public enum Segmenter {
    /** Lucene's HMM segmenter (lucene-analysis-smartcn), trained on general news text. */
    SMARTCN,
    /** HanLP's dictionary segmenter (portable build, dictionary inside the jar). */
    HANLP
}
