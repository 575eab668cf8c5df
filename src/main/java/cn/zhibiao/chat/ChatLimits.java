package cn.zhibiao.chat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * zhibiao.chat: what one chat message may be.
 *
 * @param maxMessageLength characters of one message; longer ones are refused with 400
 * @param maxRequestSize   the request body; larger ones are refused with 413 before they are parsed
 */
@ConfigurationProperties("zhibiao.chat")
record ChatLimits(int maxMessageLength, DataSize maxRequestSize) {
}
