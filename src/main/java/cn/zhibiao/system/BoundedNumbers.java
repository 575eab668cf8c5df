package cn.zhibiao.system;

import java.math.BigDecimal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Amounts and quantities in requests and files are read as BigDecimal, which keeps any exponent: 1e999999999 is 13
 * bytes and parses instantly, but printing or comparing it allocates a billion digits. Numbers are refused when they
 * carry more significant digits or a larger magnitude than a budget figure ever has; the error names the field.
 */
public final class BoundedNumbers {

    /** Significant digits: more than any amount in 万元 or count a declaration holds. */
    public static final int MAX_PRECISION = 34;
    /** Powers of ten on either side of 1: |value| below 10^18, and no finer than 10^-18. */
    public static final int MAX_MAGNITUDE = 18;
    /** The longest number literal a reader accepts at all (digits, sign, point and exponent). */
    public static final int MAX_LITERAL_LENGTH = 64;

    private BoundedNumbers() {
    }

    /** Registered with every JSON mapper that reads user input. */
    public static SimpleModule module() {
        return new SimpleModule("bounded-numbers").addDeserializer(BigDecimal.class, new Deserializer());
    }

    public static StreamReadConstraints constraints() {
        return StreamReadConstraints.builder().maxNumberLength(MAX_LITERAL_LENGTH).build();
    }

    /** True when the value is within the bounds above. */
    public static boolean acceptable(BigDecimal value) {
        if (value.signum() == 0) {
            return true;
        }
        if (value.precision() > MAX_PRECISION) {
            return false;
        }
        // Cheap once the precision is bounded; 1.50 and 1.5 are the same figure.
        BigDecimal v = value.stripTrailingZeros();
        return v.precision() - v.scale() <= MAX_MAGNITUDE && v.scale() <= MAX_MAGNITUDE;
    }

    /** Thrown for a number out of bounds; its message is Chinese and names no Java type. */
    public static final class OutOfRange extends InvalidFormatException {
        OutOfRange(JsonParser parser, String text) {
            super(parser, "数值超出允许范围（最多 " + MAX_PRECISION + " 位有效数字，绝对值小于 10 的 " + MAX_MAGNITUDE
                    + " 次方）", text, BigDecimal.class);
        }
    }

    private static final class Deserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal value = super.deserialize(p, ctxt);
            if (value != null && !acceptable(value)) {
                throw new OutOfRange(p, p.getString());
            }
            return value;
        }
    }
}
