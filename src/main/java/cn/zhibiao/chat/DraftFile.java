package cn.zhibiao.chat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.DeclarationJson;
import cn.zhibiao.rules.InvalidDeclarationException;

/** Reads the draft of a command-line chat turn: declaration JSON as {@code parse} prints it, or a legacy form. */
public final class DraftFile {

    private DraftFile() {
    }

    /** The file's first declaration; when it holds several, {@code err} says which one is used. */
    public static Declaration read(Path file, long maxBytes, PrintStream err) throws ImportException {
        String name = file.getFileName().toString();
        byte[] bytes = FormImporter.bytes(file, maxBytes);
        List<Declaration> declarations;
        try {
            declarations = DeclarationJson.looksLikeJson(bytes) ? DeclarationJson.read(bytes)
                    : new FormImporter(maxBytes).read(name, bytes).declarations();
        } catch (InvalidDeclarationException e) {
            throw new ImportException(name, e.getMessage());
        }
        if (declarations.isEmpty()) {
            throw new ImportException(name, "文件中没有申报");
        }
        Declaration first = declarations.getFirst();
        if (declarations.size() > 1) {
            err.println("文件中有" + declarations.size() + "个申报，使用第一个：《" + first.projectName() + "》");
        }
        return first.source() != null ? first : new Declaration(name, first.kind(), first.region(), first.department(),
                first.year(), first.projectName(), first.direction(), first.fundsWanYuan(), first.periodFundsWanYuan(),
                first.periodGoal(), first.annualGoal(), first.overview(), first.basis(), first.indicators());
    }
}
