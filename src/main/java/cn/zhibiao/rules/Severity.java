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
}
