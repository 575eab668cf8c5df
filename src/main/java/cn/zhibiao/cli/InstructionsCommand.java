package cn.zhibiao.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.corpus.InstructionReader;
import cn.zhibiao.corpus.Instructions;
import cn.zhibiao.system.CommandSettings;
import cn.zhibiao.system.Json;

/** {@code instructions FILE...}: the 编报说明 definitions and worked examples of legacy documents, as JSON. */
@Command(name = "instructions", description = "提取编报说明中的指标定义和示例，输出 JSON（用于生成 corpus/instructions）")
final class InstructionsCommand extends SettingsCommand {

    @Parameters(paramLabel = "FILE", description = "含编报说明的文件")
    private List<Path> files = new ArrayList<>();

    InstructionsCommand(CommandSettings settings, Io io) {
        super(settings, io);
    }

    @Override
    public Integer call() {
        if (files.isEmpty()) {
            throw usage("请至少指定一个文件。");
        }
        InstructionReader reader = new InstructionReader(settings.bytes("zhibiao.corpus.max-file-size"));
        List<Instructions> parts = new ArrayList<>();
        for (Path path : files) {
            try {
                parts.add(reader.read(path.getFileName().toString(), Files.readAllBytes(path)));
            } catch (ImportException e) {
                io.err().println(e.getMessage());
                return Cli.EXIT_UNREADABLE;
            } catch (IOException e) {
                io.err().println("无法读取文件“" + path.getFileName() + "”：" + e.getMessage());
                return Cli.EXIT_UNREADABLE;
            }
        }
        io.out().println(Json.mapper().writeValueAsString(InstructionReader.merge(parts)));
        return 0;
    }
}
