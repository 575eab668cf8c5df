package cn.zhibiao.chat;

import cn.zhibiao.indicator.Indicator;

/** An indicator row of a similar past project that the checker accepts, cited with the project it comes from. */
public record PrecedentRow(Precedent from, Indicator row) {
}
