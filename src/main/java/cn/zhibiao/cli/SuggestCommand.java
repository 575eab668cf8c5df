package cn.zhibiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import cn.zhibiao.corpus.FormImporter;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.ImportResult;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.indicator.DeclarationKind;
import cn.zhibiao.proposal.Proposal;
import cn.zhibiao.proposal.ProjectBrief;
import cn.zhibiao.proposal.ProposalService;
import cn.zhibiao.proposal.ProposedRow;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code suggest FILE [--improve]}: proposes indicators for every project of a legacy form or of canonical
 * declaration JSON, in input order. The indicators the file already has are ignored unless {@code --improve}, which
 * keeps the sound ones and replaces the rest.
 */
final class SuggestCommand implements Cli.Command {

    /** One project's proposal as printed. */
    record Report(String source, String projectName, List<ProposedRow> rows, List<String> notices,
            List<String> questions) {
    }

    private final FormImporter importer;
    private final long maxBytes;
    private final Supplier<ProposalService> proposals;

    SuggestCommand(CommandSettings settings) {
        this(settings, () -> ProposalService.forCommands(settings));
    }

    SuggestCommand(CommandSettings settings, Supplier<ProposalService> proposals) {
        this.maxBytes = settings.bytes("zhibiao.corpus.max-file-size");
        this.importer = new FormImporter(maxBytes);
        this.proposals = proposals;
    }

    @Override
    public String name() {
        return "suggest";
    }

    @Override
    public String usage() {
        return "FILE [--improve]    为项目简述 JSON 或申报表（旧表格、规范 JSON）中的每个项目建议绩效指标；--improve 保留原有合格指标";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        boolean improve = args.contains("--improve");
        List<String> files = args.stream().filter(a -> !a.equals("--improve")).toList();
        if (files.size() != 1 || files.getFirst().startsWith("--")) {
            throw new Cli.UsageException("请指定一个申报文件。");
        }
        Path file = Path.of(files.getFirst());
        List<Declaration> declarations;
        try {
            declarations = read(file, err);
        } catch (ImportException e) {
            err.println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        ProposalService service;
        try {
            service = proposals.get();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        List<Report> reports = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d.kind() == DeclarationKind.DEPARTMENT) {
                err.println("跳过部门整体支出申报：" + d.projectName());
                continue;
            }
            Proposal proposal = service.propose(ProjectBrief.of(d, improve));
            reports.add(new Report(d.source(), d.projectName(), proposal.rows(), proposal.notices(),
                    proposal.questions()));
        }
        out.println(Json.mapper().writeValueAsString(reports));
        return 0;
    }

    private List<Declaration> read(Path file, PrintStream err) throws ImportException {
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            ImportResult result = importer.read(file);
            result.warnings().forEach(w -> err.println("警告：" + w));
            return result.declarations();
        }
        try {
            if (Files.size(file) > maxBytes) {
                throw new ImportException(name, "文件超过大小上限");
            }
            JsonNode root = Json.mapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            List<Declaration> out = new ArrayList<>();
            for (JsonNode node : root.isArray() ? root : List.of(root)) {
                Declaration d = Json.mapper().treeToValue(node, Declaration.class);
                out.add(d.source() != null ? d : new Declaration(name, d.kind(), d.region(), d.department(),
                        d.year(), d.projectName(), d.direction(), d.fundsWanYuan(), d.periodFundsWanYuan(),
                        d.periodGoal(), d.annualGoal(), d.overview(), d.basis(), d.indicators()));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new ImportException(name, "文件不存在");
        } catch (JacksonException e) {
            throw new ImportException(name, "不是有效的申报 JSON（" + e.getOriginalMessage() + "）");
        } catch (IOException e) {
            throw new ImportException(name, "读取失败（" + e.getMessage() + "）", e);
        }
    }
}
