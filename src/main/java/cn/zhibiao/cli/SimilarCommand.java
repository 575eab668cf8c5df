package cn.zhibiao.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import cn.zhibiao.retrieval.Hit;
import cn.zhibiao.retrieval.MatchedTerm;
import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.retrieval.SimilarResult;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code similar "TEXT" [--k 5]}: the same JSON as POST /api/similar, for a project described by TEXT. */
@Command(name = "similar", description = "查找相似的历史项目，附得分和匹配词")
final class SimilarCommand extends SettingsCommand {

    private static final int MAX_K = 50;


    @Mixin
    private Format format;

    @Option(names = "--k", paramLabel = "N", description = "最多列出几个项目（1 到 50，默认 5）")
    private int k = 5;

    @Parameters(paramLabel = "TEXT", description = "项目名称或概述")
    private List<String> text = new ArrayList<>();

    SimilarCommand(CommandSettings settings, Io io) {
        super(settings, io);
    }

    @Override
    public Integer call() {
        String query = String.join(" ", text);
        if (query.isBlank()) {
            throw usage("请给出项目名称或概述。");
        }
        if (k < 1 || k > MAX_K) {
            throw usage("--k 应在 1 到 " + MAX_K + " 之间：" + k);
        }
        ServerNotice.printIfServing(settings, io);
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            SimilarResult result = projects.search(ProjectQuery.text(query), k);
            if (format.tables(io)) {
                print(result);
            } else {
                io.out().println(Json.mapper().writeValueAsString(result));
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void print(SimilarResult result) {
        if (result.hits().isEmpty()) {
            io.out().println("没有足够相似的历史项目。");
            return;
        }
        Table table = new Table("项目", "得分", "匹配词");
        for (Hit hit : result.hits()) {
            table.row(cite(hit.projectName(), hit.region(), hit.year()), String.format("%.4f", hit.score()),
                    String.join("、", hit.matchedTerms().stream().map(MatchedTerm::term).toList()));
        }
        table.print(io.out());
    }

    /** A past project as a reviewer names it: 《项目名》（地区 年度）, never its id. */
    private static String cite(String projectName, String region, Integer year) {
        String where = ((region == null ? "" : region) + (year == null ? "" : " " + year)).strip();
        return "《" + projectName + "》" + (where.isEmpty() ? "" : "（" + where + "）");
    }
}
