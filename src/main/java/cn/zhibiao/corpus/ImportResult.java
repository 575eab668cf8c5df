package cn.zhibiao.corpus;

import java.util.List;

import cn.zhibiao.indicator.Declaration;

/** The declarations read from one file, and what could not be placed. */
public record ImportResult(List<Declaration> declarations, List<ImportWarning> warnings) {

    public ImportResult {
        declarations = List.copyOf(declarations);
        warnings = List.copyOf(warnings);
    }
}
