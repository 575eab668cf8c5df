package cn.zhibiao.draft;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * An author's written reason for submitting despite one finding ({@code indicatorIndex} null for the declaration as a
 * whole). Kept with the draft, like a disable comment in code, until the finding it names is gone.
 */
record FindingOverride(Integer indicatorIndex, String ruleId, String reason, String author, OffsetDateTime createdAt) {

    boolean matches(Integer index, String rule) {
        return ruleId.equals(rule) && Objects.equals(indicatorIndex, index);
    }
}
