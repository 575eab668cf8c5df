package cn.zhibiao.draft;

/** DRAFT → SUBMITTED → RETURNED | APPROVED; a returned draft is edited and submitted again. */
enum DraftStatus {
    DRAFT, SUBMITTED, RETURNED, APPROVED;

    boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
