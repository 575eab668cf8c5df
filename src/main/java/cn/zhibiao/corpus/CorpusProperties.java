package cn.zhibiao.corpus;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** zhibiao.corpus: where the shipped corpus lives and how large an uploaded form may be. */
@ConfigurationProperties("zhibiao.corpus")
public record CorpusProperties(Path dir, DataSize maxFileSize) {
}
