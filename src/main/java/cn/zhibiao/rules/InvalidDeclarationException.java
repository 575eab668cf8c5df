package cn.zhibiao.rules;

/** Declaration JSON that cannot be read; the message (Chinese) names the field or the position. */
public final class InvalidDeclarationException extends Exception {

    public InvalidDeclarationException(String message) {
        super(message);
    }
}
