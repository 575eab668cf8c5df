package cn.zhibiao.corpus;

/** Something in a legacy form the importer could not place; {@code line} is where it stands in the source. */
public record ImportWarning(String source, int line, String message) {

    @Override
    public String toString() {
        return source + " 第" + line + "行：" + message;
    }
}
