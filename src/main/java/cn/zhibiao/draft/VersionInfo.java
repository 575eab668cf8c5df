package cn.zhibiao.draft;

import java.time.OffsetDateTime;
import java.util.List;

import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.Finding;

/** One immutable saved version: who saved it, when, the whole declaration and its findings. */
record VersionInfo(int version, String author, OffsetDateTime createdAt, Declaration declaration,
        List<Finding> findings) {
}
