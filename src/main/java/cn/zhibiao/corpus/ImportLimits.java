package cn.zhibiao.corpus;

import cn.zhibiao.system.CommandSettings;

/**
 * How much of an uploaded file the importer will unpack and read before it refuses the file: hostile or broken files
 * (zip bombs, sheets declaring a million rows or column XFD, endless lines) are turned away before they are parsed.
 */
public record ImportLimits(long maxFileBytes, long maxUnpackedBytes, int maxZipEntries, double minInflateRatio,
        int maxRows, int maxColumns, long maxCells, int maxLineLength) {

    public static ImportLimits from(CorpusProperties p) {
        return new ImportLimits(p.maxFileSize().toBytes(), p.maxUnpackedSize().toBytes(), p.maxZipEntries(),
                p.minInflateRatio(), p.maxRows(), p.maxColumns(), p.maxCells(), p.maxLineLength());
    }

    /** The limits of {@code application.yaml} (with environment overrides), for the command line. */
    public static ImportLimits from(CommandSettings s) {
        return new ImportLimits(s.bytes("zhibiao.corpus.max-file-size"), s.bytes("zhibiao.corpus.max-unpacked-size"),
                Integer.parseInt(s.get("zhibiao.corpus.max-zip-entries")),
                Double.parseDouble(s.get("zhibiao.corpus.min-inflate-ratio")),
                Integer.parseInt(s.get("zhibiao.corpus.max-rows")),
                Integer.parseInt(s.get("zhibiao.corpus.max-columns")),
                Long.parseLong(s.get("zhibiao.corpus.max-cells")),
                Integer.parseInt(s.get("zhibiao.corpus.max-line-length")));
    }

    ImportLimits withMaxFileBytes(long bytes) {
        return new ImportLimits(bytes, maxUnpackedBytes, maxZipEntries, minInflateRatio, maxRows, maxColumns, maxCells,
                maxLineLength);
    }
}
