package cn.zhibiao.bulk;

/**
 * A declaration that could not be processed, as the JSON report and the command line's summary list it: its file,
 * its place in the file (from 0) and the Chinese reason.
 */
public record FailedDeclaration(String file, int index, String reason) {

    static FailedDeclaration of(BulkStore.Item item) {
        return new FailedDeclaration(item.file(), item.declIndex(), item.reason());
    }
}
