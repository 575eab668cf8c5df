package cn.zhibiao.corpus;

import java.io.IOException;
import java.util.List;

import cn.zhibiao.indicator.Declaration;

/** Legacy forms written from declarations, for tests outside this package that need real files to read. */
public final class FormFiles {

    private FormFiles() {
    }

    /** The national 2021 Word template, one table per declaration. */
    public static byte[] nationalDocx(List<Declaration> declarations) throws IOException {
        return FormWriters.nationalDocx(declarations, "项目支出绩效目标表");
    }
}
