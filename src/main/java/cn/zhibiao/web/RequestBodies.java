package cn.zhibiao.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a request body or an uploaded part into bytes, refusing more than a configured size with 413 and a Chinese
 * message, so that parsing can name the offending field or file itself.
 */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** The whole body, or an empty array when there is none. */
    public static Mono<byte[]> bytes(Flux<DataBuffer> body, int maxBytes, String tooLargeMessage) {
        return DataBufferUtils.join(body == null ? Flux.empty() : body, maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class,
                        e -> new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, tooLargeMessage));
    }
}
