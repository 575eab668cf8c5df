package cn.zhibiao.chat;

/** A message as the interpreter understood it. */
public record Understanding(Intent intent, IntentArgs args) {

    static Understanding unknown() {
        return new Understanding(Intent.UNKNOWN, IntentArgs.NONE);
    }
}
