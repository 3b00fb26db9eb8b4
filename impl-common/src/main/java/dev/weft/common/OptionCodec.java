package dev.weft.common;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The bytes of one kind of option value: a C {@code int}, a boolean {@code int}, a
 * NUL-terminated name, {@code struct linger}, {@code struct ip_mreqn}... An option names its
 * codec in the provider's {@link OptionCodecs table}, so a new option (or a new family's
 * options) is a new entry there, never a new case in a switch.
 *
 * <pre>{@code
 * OptionCodec<Integer> linger = OptionCodec.of(Integer.class, 8,
 *         v -> ints(v >= 0 ? 1 : 0, Math.max(0, v)), (b, n) -> ...);
 * }</pre>
 *
 * @param <T> the Java type of the value ({@link dev.weft.SockOpt#type()})
 */
public interface OptionCodec<T> {
    /** The Java type of the value. */
    Class<T> type();

    /** The bytes {@code setsockopt} takes for {@code value}. */
    byte[] encode(T value);

    /** The value of the first {@code length} bytes {@code getsockopt} filled in. */
    T decode(byte[] value, int length);

    /** A codec from two functions; a null one makes the option write-only or read-only. */
    static <T> OptionCodec<T> of(Class<T> type, Function<T, byte[]> encode, BiFunction<byte[], Integer, T> decode) {
        return new OptionCodec<>() {
            @Override
            public Class<T> type() {
                return type;
            }

            @Override
            public byte[] encode(T value) {
                if (encode == null) {
                    throw new IllegalArgumentException("read-only option value: " + type.getSimpleName());
                }
                return encode.apply(value);
            }

            @Override
            public T decode(byte[] value, int length) {
                if (decode == null) {
                    throw new IllegalArgumentException("write-only option value: " + type.getSimpleName());
                }
                return decode.apply(value, length);
            }
        };
    }
}
