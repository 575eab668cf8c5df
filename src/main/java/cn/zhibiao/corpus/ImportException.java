package cn.zhibiao.corpus;

/** A file that cannot be read as a legacy form; the message is for the user, in Chinese, and names the file. */
public class ImportException extends Exception {

    public ImportException(String file, String reason) {
        super("无法读取文件“" + file + "”：" + reason);
    }

    public ImportException(String file, String reason, Throwable cause) {
        super("无法读取文件“" + file + "”：" + reason, cause);
    }
}
