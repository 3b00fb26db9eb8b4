package dev.weft.tests;

import java.util.Arrays;
import java.util.List;

/**
 * One call of a module function, as the differential test sends it to both sides: the
 * Python name of the function and its arguments (strings, integers, null; bytes as hex).
 */
record NetdbCase(String op, List<Object> args) {
    static NetdbCase of(String op, Object... args) {
        return new NetdbCase(op, Arrays.asList(args));
    }

    /** {@code {"op":..., "args":[...]}} for the Python side. */
    String toJson() {
        return "{\"op\":" + Json.encode(op) + ",\"args\":" + Json.encode(args) + "}";
    }
}
