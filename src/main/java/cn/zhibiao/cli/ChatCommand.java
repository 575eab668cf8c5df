package cn.zhibiao.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import cn.zhibiao.chat.Assistant;
import cn.zhibiao.chat.ChatEvent;
import cn.zhibiao.chat.ChatTurn;
import cn.zhibiao.chat.DraftFile;
import cn.zhibiao.chat.LlmAssistant;
import cn.zhibiao.chat.Transcript;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;

/**
 * {@code chat --draft FILE [--history FILE] MESSAGE}: one turn of the assistant against a declaration file, its
 * events printed as JSON lines. With {@code --history} the conversation so far is read from that file and the turn is
 * appended to it, so that an answer to the assistant's question is used by the next call.
 */
@Command(name = "chat", description = "对申报草稿（规范 JSON 或旧表格）说一句话，逐行输出助手的事件（JSON）")
final class ChatCommand extends SettingsCommand {

    private final Supplier<Assistant> assistant;

    @Option(names = "--draft", paramLabel = "FILE", required = true, description = "申报草稿文件")
    private Path draftFile;

    @Option(names = "--history", paramLabel = "FILE", description = "对话记录文件：读入此前的对话，并把本轮追加进去")
    private Path historyFile;

    @Parameters(paramLabel = "MESSAGE", description = "要对助手说的话")
    private List<String> words = new ArrayList<>();

    ChatCommand(CommandSettings settings, Io io) {
        this(settings, io, () -> LlmAssistant.forCommands(settings));
    }

    ChatCommand(CommandSettings settings, Io io, Supplier<Assistant> assistant) {
        super(settings, io);
        this.assistant = assistant;
    }

    @Override
    public Integer call() {
        String message = String.join(" ", words);
        if (message.isBlank()) {
            throw usage("请给出一句话。");
        }
        Declaration draft;
        List<ChatTurn> history;
        try {
            draft = DraftFile.read(draftFile, settings.bytes("zhibiao.corpus.max-file-size"), io.err());
            history = historyFile == null ? List.of() : Transcript.read(historyFile);
        } catch (ImportException | IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        List<ChatEvent> events = Transcript.print(assistant.get().turn(draft, history, message).toIterable(), io.out());
        if (historyFile != null) {
            Transcript.append(historyFile, new ChatTurn(message, events));
        }
        return events.stream().anyMatch(ChatEvent.Failed.class::isInstance) ? Cli.EXIT_FAILURE : 0;
    }
}
