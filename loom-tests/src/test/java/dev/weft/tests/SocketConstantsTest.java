package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.SocketConstants;
import dev.weft.Sockets;
import dev.weft.spi.SocketProvider;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SocketConstants} (written by hand) and the providers' tables (generated, for Linux)
 * agree: every name any provider on the path defines is a field; every field has this OS's
 * value, or is -1 here because another OS has it: a provider on the path defines it, or
 * Python has it on an OS whose provider's table does not yet ({@link #NOT_YET}, as the
 * field's Javadoc says).
 */
class SocketConstantsTest {
    /** Names Python has on another OS whose weft table lacks them so far, with that OS. */
    private static final Map<String, String> NOT_YET = Map.of(); // none since the Windows provider's table

    private static Map<String, Integer> fields() throws IllegalAccessException {
        Map<String, Integer> m = new TreeMap<>();
        for (Field f : SocketConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                m.put(f.getName(), f.getInt(null));
            }
        }
        return m;
    }

    /** Every provider on the path: constructing one loads no native code, so each table is readable anywhere. */
    private static List<SocketProvider> providers() {
        List<SocketProvider> all = new ArrayList<>();
        ServiceLoader.load(SocketProvider.class).forEach(all::add);
        return all;
    }

    @Test
    void everyNameAProviderDefinesIsAField() throws Exception {
        Set<String> fields = fields().keySet();
        List<String> missing = new ArrayList<>();
        for (SocketProvider p : providers()) {
            for (String name : new TreeSet<>(p.constants().keySet())) {
                if (!fields.contains(name)) {
                    missing.add(p.name() + ": " + name);
                }
            }
        }
        assertTrue(providers().size() >= 2, "the kit sees every provider module");
        assertEquals(List.of(), missing, "add them to SocketConstants");
    }

    @Test
    void everyFieldHasThisOsValueOrAnotherOsHasIt() throws Exception {
        SocketProvider here = Sockets.provider();
        Set<String> elsewhere = new TreeSet<>(NOT_YET.keySet());
        providers().forEach(p -> elsewhere.addAll(p.constants().keySet()));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Integer> f : fields().entrySet()) {
            Integer v = here.constants().get(f.getKey());
            if (v != null ? v.intValue() != f.getValue() : f.getValue() != -1 || !elsewhere.contains(f.getKey())) {
                wrong.add(f.getKey() + "=" + f.getValue() + " (" + here.name() + ": " + v + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theNotYetListNamesOnlyWhatNoTableHas() throws Exception {
        Set<String> fields = fields().keySet();
        List<String> stale = new ArrayList<>();
        for (String name : new TreeSet<>(NOT_YET.keySet())) {
            for (SocketProvider p : providers()) {
                if (p.constants().containsKey(name)) {
                    stale.add(name + " is in " + p.name() + "'s table now");
                }
            }
            if (!fields.contains(name)) {
                stale.add(name + " is no field");
            }
        }
        assertEquals(List.of(), stale, "remove them from NOT_YET and from the field's Javadoc");
    }
}
