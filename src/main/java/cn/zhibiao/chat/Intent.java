package cn.zhibiao.chat;

/** What a chat message asks for. */
public enum Intent {
    PROPOSE,
    REVISE,
    EXPLAIN_FLAG,
    SIMILAR,
    CHECK,
    DEFINE_TERM,
    UNDO,
    UNKNOWN
}
