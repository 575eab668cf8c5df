package cn.zhibiao.draft;

import java.time.OffsetDateTime;

/** A reviewer's remark on one indicator ({@code indicatorIndex}) or, when null, on the whole draft. */
record Comment(Integer indicatorIndex, String text, String author, int version, OffsetDateTime createdAt) {
}
