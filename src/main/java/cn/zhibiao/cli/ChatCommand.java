package cn.zhibiao.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import cn.zhibiao.chat.Assistant;
import cn.zhibiao.chat.ChatEvent;
import cn.zhibiao.chat.ChatTurn;
import cn.zhibiao.chat.DraftFile;
import cn.zhibiao.chat.OfflineAssistant;
import cn.zhibiao.chat.Transcript;
import cn.zhibiao.corpus.ImportException;
import cn.zhibiao.indicator.Declaration;
import cn.zhibiao.system.CommandSettings;

/**
 * {@code chat --draft FILE [--history FILE] MESSAGE}: one turn of the assistant against a declaration file, its
 * events printed as JSON lines. With {@code --history} the conversation so far is read from that file and the turn is
 * appended to it, so that an answer to the assistant's question is used by the next call.
 */
final class ChatCommand implements Cli.Command {

    private final long maxBytes;
    private final Supplier<Assistant> assistant;

    ChatCommand(CommandSettings settings) {
        this(settings, () -> OfflineAssistant.forCommands(settings));
    }

    ChatCommand(CommandSettings settings, Supplier<Assistant> assistant) {
        this.maxBytes = settings.bytes("zhibiao.corpus.max-file-size");
        this.assistant = assistant;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public String usage() {
        return "--draft FILE [--history FILE] MESSAGE    对申报草稿（规范 JSON 或旧表格）说一句话，逐行输出助手的事件（JSON）";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Cli.UsageException {
        Path draftFile = null;
        Path historyFile = null;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if ((arg.equals("--draft") || arg.equals("--history")) && i + 1 < args.size()) {
                Path value = Path.of(args.get(++i));
                if (arg.equals("--draft")) {
                    draftFile = value;
                } else {
                    historyFile = value;
                }
            } else if (arg.startsWith("--")) {
                throw new Cli.UsageException("未知选项或缺少取值：" + arg);
            } else {
                words.add(arg);
            }
        }
        if (draftFile == null || words.isEmpty() || String.join(" ", words).isBlank()) {
            throw new Cli.UsageException("请用 --draft 指定申报草稿文件，并给出一句话。");
        }
        Declaration draft;
        List<ChatTurn> history;
        try {
            draft = DraftFile.read(draftFile, maxBytes, err);
            history = historyFile == null ? List.of() : Transcript.read(historyFile);
        } catch (ImportException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return Cli.EXIT_UNREADABLE;
        }
        String message = String.join(" ", words);
        List<ChatEvent> events = Transcript.print(assistant.get().turn(draft, history, message).toIterable(), out);
        if (historyFile != null) {
            Transcript.append(historyFile, new ChatTurn(message, events));
        }
        return events.stream().anyMatch(ChatEvent.Failed.class::isInstance) ? 1 : 0;
    }
}
