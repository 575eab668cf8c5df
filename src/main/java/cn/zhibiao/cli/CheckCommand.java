package cn.zhibiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.rules.DeclarationJson;
import cn.zhibiao.rules.Finding;
import cn.zhibiao.rules.InvalidDeclarationException;
import cn.zhibiao.rules.RuleChecker;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/**
 * {@code check FILE...}: legacy forms or declaration JSON in (told apart by content), one report per declaration
 * out. Findings are a report, so the exit code is 0 whenever every file could be read.
 */
final class CheckCommand implements Cli.Command {

    private final FormImporter importer;
    private final long maxBytes;
    private final RuleChecker checker;

    CheckCommand(CommandSettings settings) {
        this.maxBytes = settings.bytes("zhibiao.corpus.max-file-size");
        this.importer = new FormImporter(maxBytes);
        this.checker = RuleChecker.fromSettings(settings);
    }

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "FILE...    检查申报 JSON 或旧申报表中的绩效指标，输出每个申报的检查结果";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (args.isEmpty()) {
            throw new Cli.UsageException("请至少指定一个文件。");
        }
        List<Report> reports = new ArrayList<>();
        int exit = 0;
        for (String file : args) {
            try {
                for (Declaration declaration : read(Path.of(file))) {
                    String source = declaration.source() != null ? declaration.source() : Path.of(file).getFileName().toString();
                    reports.add(new Report(source, declaration.projectName(), checker.check(declaration)));
                }
            } catch (ImportException e) {
                err.println(e.getMessage());
                exit = Cli.EXIT_UNREADABLE;
            } catch (InvalidDeclarationException e) {
                err.println("无法读取文件“" + Path.of(file).getFileName() + "”：" + e.getMessage());
                exit = Cli.EXIT_UNREADABLE;
            }
        }
        if (exit == 0) {
            out.println(Json.mapper().writeValueAsString(reports));
        }
        return exit;
    }

    private List<Declaration> read(Path file) throws ImportException, InvalidDeclarationException {
        String name = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > maxBytes) {
                throw new ImportException(name, "文件超过上限 " + maxBytes / (1024 * 1024) + "MB（zhibiao.corpus.max-file-size）");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "文件不存在");
        } catch (IOException e) {
            throw new ImportException(name, "读取失败（" + e.getMessage() + "）", e);
        }
        return DeclarationJson.looksLikeJson(bytes) ? DeclarationJson.read(bytes) : importer.read(name, bytes).declarations();
    }

    /** One declaration's findings, as printed. */
    record Report(String source, String projectName, List<Finding> findings) {
    }
}
