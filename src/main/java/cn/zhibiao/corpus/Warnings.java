package cn.zhibiao.corpus;

import java.util.ArrayList;
import java.util.List;

/** Collects what a reader could not place, with where it was, so nothing is dropped silently. */
final class Warnings {

    private final String source;
    private final List<ImportWarning> list = new ArrayList<>();

    Warnings(String source) {
        this.source = source;
    }

    void add(int line, String message) {
        list.add(new ImportWarning(source, line, message));
    }

    List<ImportWarning> list() {
        return List.copyOf(list);
    }
}
