package cn.zhibiao.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.InstructionReader;
import cn.zhibiao.corpus.Instructions;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code instructions FILE...}: the 编报说明 definitions and worked examples of legacy documents, as JSON. */
final class InstructionsCommand implements Cli.Command {

    private final InstructionReader reader;

    InstructionsCommand(CommandSettings settings) {
        this.reader = new InstructionReader(settings.bytes("zhibiao.corpus.max-file-size"));
    }

    @Override
    public String name() {
        return "instructions";
    }

    @Override
    public String usage() {
        return "FILE...    提取编报说明中的指标定义和示例，输出 JSON（用于生成 corpus/instructions）";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        if (args.isEmpty()) {
            throw new Cli.UsageException("请至少指定一个文件。");
        }
        List<Instructions> parts = new ArrayList<>();
        for (String file : args) {
            Path path = Path.of(file);
            try {
                parts.add(reader.read(path.getFileName().toString(), Files.readAllBytes(path)));
            } catch (ImportException e) {
                err.println(e.getMessage());
                return Cli.EXIT_UNREADABLE;
            } catch (IOException e) {
                err.println("无法读取文件“" + path.getFileName() + "”：" + e.getMessage());
                return Cli.EXIT_UNREADABLE;
            }
        }
        out.println(Json.mapper().writeValueAsString(InstructionReader.merge(parts)));
        return 0;
    }
}
