package cn.zhibiao.bulk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhibiao.corpus.FormFiles;
import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.Seeds;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.retrieval.SyntheticDeclarations;

/**
 * Synthetic declarations (recombined from the seed corpus) written as Word forms of {@code perFile} declarations each:
 * the input of the bulk benchmark and of the crash test.
 */
public final class SyntheticForms {

    private SyntheticForms() {
    }

    public static List<Path> write(Path dir, int count, int perFile, long seed) throws IOException {
        List<Declaration> seeds = new FormImporter(Seeds.LIMIT).readAll(Seeds.files()).declarations().stream()
                .filter(d -> d.kind() == DeclarationKind.PROJECT && !d.indicators().isEmpty()).toList();
        List<Declaration> all = SyntheticDeclarations.generate(seeds, count, seed);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (int from = 0; from < all.size(); from += perFile) {
            Path file = dir.resolve(String.format(Locale.ROOT, "合成申报-%04d.docx", from / perFile));
            Files.write(file, FormFiles.nationalDocx(all.subList(from, Math.min(all.size(), from + perFile))));
            files.add(file);
        }
        return files;
    }
}
