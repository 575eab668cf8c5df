package cn.zhibiao.bulk;

/** A declaration the job could not check or propose for; the message (Chinese) goes into the job report. */
final class ItemFailure extends Exception {

    ItemFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
