package cn.zhibiao.corpus;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhibiao.corpus: where the shipped corpus lives, how large an uploaded form may be, and how much of it may be
 * unpacked and read (see {@link ImportLimits}).
 */
@ConfigurationProperties("zhibiao.corpus")
public record CorpusProperties(Path dir, DataSize maxFileSize, DataSize maxUnpackedSize, int maxZipEntries,
        double minInflateRatio, int maxRows, int maxColumns, long maxCells, int maxLineLength) {
}
