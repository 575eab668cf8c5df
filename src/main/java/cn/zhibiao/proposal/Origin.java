package cn.zhibiao.proposal;

/** Who wrote a proposed row: the offline proposer from precedent, or the language model. */
public enum Origin {
    OFFLINE,
    LLM
}
