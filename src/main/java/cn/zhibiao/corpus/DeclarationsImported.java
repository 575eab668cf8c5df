package cn.zhibiao.corpus;

import java.util.List;

import cn.zhibiao.indicator.Declaration;

/** Published after user-imported declarations are stored, so that other capabilities (the index) can take them up. */
public record DeclarationsImported(List<Declaration> declarations) {
}
