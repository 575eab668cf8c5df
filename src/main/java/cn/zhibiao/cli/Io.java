package cn.zhibiao.cli;

import java.io.PrintStream;

/** Where a command writes: results to {@code out}, messages to {@code err}; {@code terminal} when a person reads out. */
record Io(PrintStream out, PrintStream err, boolean terminal) {
}
