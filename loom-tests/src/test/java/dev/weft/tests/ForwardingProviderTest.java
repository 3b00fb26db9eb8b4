package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.spi.ForwardingSocketProvider;
import dev.weft.spi.SocketProvider;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wrapping provider passes every call on: a method of the SPI it did not override would
 * answer with the SPI's default (often "unsupported") instead of the wrapped OS's, and a
 * fault injector or tracer would change what it was only meant to watch.
 */
class ForwardingProviderTest {
    @Test
    void everyProviderMethodIsForwarded() {
        List<String> missing = new ArrayList<>();
        for (Method m : SocketProvider.class.getMethods()) {
            try {
                ForwardingSocketProvider.class.getDeclaredMethod(m.getName(), m.getParameterTypes());
            } catch (NoSuchMethodException e) {
                missing.add(m.getName());
            }
        }
        assertEquals(List.of(), missing);
    }
}
