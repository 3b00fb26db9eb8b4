package dev.weft;

import java.util.Objects;

/**
 * One network interface from {@link Sockets#ifNameIndex}: Python's {@code (index, name)} pair.
 *
 * <pre>{@code
 * for (InterfaceIndex i : Sockets.ifNameIndex()) System.out.println(i.index() + " " + i.name()); // 1 lo
 * }</pre>
 *
 * @param index the interface index (positive), as {@code if_nametoindex} gives it
 * @param name  the interface name, e.g. {@code "lo"}
 */
public record InterfaceIndex(int index, String name) {
    /** The name is required. */
    public InterfaceIndex {
        Objects.requireNonNull(name, "name");
    }
}
