package cn.zhibiao.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
@Command(name = "suggest", description = "为项目简述 JSON 或申报表（旧表格、规范 JSON）中的每个项目建议绩效指标（类别、指标、值、依据）")
final class SuggestCommand extends SettingsCommand {

    /** One project's proposal as printed. */
    record Report(String source, String projectName, List<ProposedRow> rows, List<String> notices,
            List<String> questions) {
    }

    private final Supplier<ProposalService> proposals;

    @Mixin
    private Format format;

    @Option(names = "--improve", description = "保留原有的合格指标，只替换有问题的")
    private boolean improve;

    @Parameters(paramLabel = "FILE", description = "一个文件：项目简述 JSON、规范申报 JSON 或旧申报表")
    private List<Path> files = new ArrayList<>();

    SuggestCommand(CommandSettings settings, Io io) {
        this(settings, io, () -> ProposalService.forCommands(settings));
    }

    SuggestCommand(CommandSettings settings, Io io, Supplier<ProposalService> proposals) {
        super(settings, io);
        this.proposals = proposals;
    }

    @Override
    public Integer call() {
        if (files.size() != 1) {
            throw usage("请指定一个申报文件。");
        }
        List<Declaration> declarations;
        try {
            declarations = read(files.getFirst(), settings.bytes("zhibiao.corpus.max-file-size"));
        } catch (ImportException e) {
            io.err().println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        ServerNotice.printIfServing(settings, io);
        ProposalService service;
        try {
            service = proposals.get();
        } catch (IllegalStateException e) {
            io.err().println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        List<Report> reports = new ArrayList<>();
        for (Declaration d : declarations) {
            if (d.kind() == DeclarationKind.DEPARTMENT) {
                io.err().println("跳过部门整体支出申报：" + d.projectName());
                continue;
            }
            Proposal proposal = service.propose(ProjectBrief.of(d, improve));
            reports.add(new Report(d.source(), d.projectName(), proposal.rows(), proposal.notices(),
                    proposal.questions()));
        }
        if (format.tables(io)) {
            reports.forEach(this::print);
        } else {
            io.out().println(Json.mapper().writeValueAsString(reports));
        }
        return 0;
    }

    private void print(Report report) {
        io.out().println("《" + report.projectName() + "》（" + report.source() + "）");
        report.notices().forEach(n -> io.out().println("说明：" + n));
        Table table = new Table("类别", "指标", "值", "依据");
        for (ProposedRow row : report.rows()) {
            table.row(row.level2().label(), row.name(), row.value(), row.rationale());
        }
        table.print(io.out());
        report.questions().forEach(q -> io.out().println("请补充：" + q));
        io.out().println();
    }

    private List<Declaration> read(Path file, long maxBytes) throws ImportException {
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".json")) {
            ImportResult result = new FormImporter(maxBytes).read(file);
            result.warnings().forEach(w -> io.err().println("警告：" + w));
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
