package cn.zhibiao.rules;

/** How a finding weighs: an ERROR blocks submission, a WARNING is what a reviewer would send back, INFO is a hint. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** ERROR and WARNING findings are the ones a reviewer would return the draft for. */
    public boolean isFlag() {
        return this != INFO;
    }

    /** The severity as a reviewer says it, for text users read instead of the enum name. */
    public String label() {
        return switch (this) {
            case ERROR -> "必须修改";
            case WARNING -> "建议修改";
            case INFO -> "提示";
        };
    }
}
