package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Ancillary;
import dev.weft.Credentials;
import dev.weft.spi.SocketProvider;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A provider that has not (yet) got an OS structure says which one, by name, instead of
 * decoding another OS's layout: the SPI's defaults, seen through a provider that implements
 * nothing but its name.
 */
class StructDefaultsTest {
    @Test
    void eachMissingStructureIsNamed() {
        SocketProvider p = (SocketProvider) Proxy.newProxyInstance(SocketProvider.class.getClassLoader(),
                new Class<?>[] {SocketProvider.class}, (proxy, m, args) -> {
                    if (m.getName().equals("name")) {
                        return "bare";
                    }
                    if (m.isDefault()) {
                        return InvocationHandler.invokeDefault(proxy, m, args);
                    }
                    throw new AssertionError(m.getName() + " called");
                });
        Ancillary item = new Ancillary(0, 0, new byte[64]);
        List<String> expected = List.of("bare does not decode in_pktinfo", "bare does not encode in_pktinfo",
                "bare does not decode receive timestamps", "bare does not decode sock_extended_err",
                "bare does not decode tcp_info", "bare does not pass credentials", "bare does not pass credentials",
                "bare does not pass credentials");
        List<Consumer<SocketProvider>> calls = List.of(q -> q.decodePacketInfo(item), q -> q.encodePacketInfo(0, null),
                q -> q.decodeTimestamp(item), q -> q.decodeExtendedError(item), q -> q.decodeTcpInfo(new byte[256], 256),
                q -> q.credentialsSize(), q -> q.decodeCredentials(new byte[12], 12), q -> q.encodeCredentials(new Credentials(1, 2, 3)));
        for (int i = 0; i < calls.size(); i++) {
            Consumer<SocketProvider> call = calls.get(i);
            assertEquals(expected.get(i), assertThrows(UnsupportedOperationException.class, () -> call.accept(p)).getMessage());
        }
    }
}
