package cn.zhibiao.retrieval;

import java.util.Locale;

/**
 * Which bge-small-zh-v1.5 ONNX file embeds: the int8-quantised one (24 MB, ~3× faster, shipped by default) or the
 * fp32 original (95 MB, in the jar only when built with {@code -Pfp32}). The file names are those of the LangChain4j
 * artifacts that carry them as jar resources.
 */
public enum EmbeddingModelKind {
    QUANTISED("bge-small-zh-v1.5-q.onnx", "bge-small-zh-v1.5-q-tokenizer.json"),
    FP32("bge-small-zh-v1.5.onnx", "bge-small-zh-v1.5-tokenizer.json");

    private final String modelResource;
    private final String tokenizerResource;

    EmbeddingModelKind(String modelResource, String tokenizerResource) {
        this.modelResource = modelResource;
        this.tokenizerResource = tokenizerResource;
    }

    String modelResource() {
        return modelResource;
    }

    String tokenizerResource() {
        return tokenizerResource;
    }

    /** The configuration value: {@code quantised} or {@code fp32}. */
    static EmbeddingModelKind parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "quantised", "quantized" -> QUANTISED;
            case "fp32" -> FP32;
            default -> throw new IllegalArgumentException(
                    "zhibiao.retrieval.embedding-model 只能是 quantised 或 fp32，而不是 “" + value + "”");
        };
    }
}
