package cn.zhibiao.proposal;

/**
 * Who wrote a proposed row: the offline proposer (from the brief's facts, the sector library or a precedent), the
 * language model, or a generic template that the panel labels 通用模板 because it says nothing about this project.
 */
public enum Origin {
    OFFLINE,
    LLM,
    TEMPLATE
}
