package cn.zhibiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.retrieval.ProjectQuery;
import cn.zhibiao.retrieval.SimilarProjects;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code similar "TEXT" [--k 5]}: the same JSON as POST /api/similar, for a project described by TEXT. */
final class SimilarCommand implements Cli.Command {

    private final CommandSettings settings;

    SimilarCommand(CommandSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "similar";
    }

    @Override
    public String usage() {
        return "\"项目名称或概述\" [--k 5]    查找相似的历史项目，输出 JSON";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        int k = 5;
        List<String> text = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--k")) {
                if (i + 1 >= args.size()) {
                    throw new Cli.UsageException("--k 后面需要一个数字。");
                }
                k = parseK(args.get(++i));
            } else {
                text.add(args.get(i));
            }
        }
        String query = String.join(" ", text);
        if (query.isBlank()) {
            throw new Cli.UsageException("请给出项目名称或概述。");
        }
        try (SimilarProjects projects = SimilarProjects.open(settings)) {
            out.println(Json.mapper().writeValueAsString(projects.search(ProjectQuery.text(query), k)));
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int parseK(String value) throws Cli.UsageException {
        try {
            int k = Integer.parseInt(value);
            if (k < 1 || k > 50) {
                throw new Cli.UsageException("--k 应在 1 到 50 之间：" + value);
            }
            return k;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("--k 应为数字：" + value);
        }
    }
}
