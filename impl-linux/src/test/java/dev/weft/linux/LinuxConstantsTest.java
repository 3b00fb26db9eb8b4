package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.Errno;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The provider's constant and errno tables equal what the running python3 reports (it was
 * built against this machine's headers): every name Python has, weft has with the same value;
 * and the committed table is what tools/gen-linux-constants.py prints here.
 */
class LinuxConstantsTest {
    private static final LinuxProvider LINUX = new LinuxProvider();
    private static final Path TABLE = Path.of("src/main/java/dev/weft/linux/LinuxConstants.java");
    private static final Path GENERATOR = Path.of("tools/gen-linux-constants.py");

    private static List<String[]> python(String script) throws Exception {
        List<String[]> rows = new ArrayList<>();
        Commands.run("python3", "-c", script).lines().forEach(l -> rows.add(l.split(" ")));
        return rows;
    }

    @Test
    void everySocketConstantPythonHasMatches() throws Exception {
        List<String[]> rows = python("""
                import socket
                for n in dir(socket):
                    v = getattr(socket, n)
                    if n.isupper() and isinstance(v, int):
                        print(n, int(v) & 0xFFFFFFFF)
                """);
        assertTrue(rows.size() > 300, "python3 exposes its constants");
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            Integer ours = LINUX.constants().get(r[0]);
            if (ours == null || Integer.toUnsignedLong(ours) != Long.parseLong(r[1])) {
                wrong.add(r[0] + "=" + r[1] + " (weft " + ours + ")");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyErrnoPythonHasMapsBothWays() throws Exception {
        List<String[]> rows = python("""
                import errno
                for n in dir(errno):
                    if n.startswith('E'):
                        print(n, getattr(errno, n))
                """);
        List<String> wrong = new ArrayList<>();
        for (String[] r : rows) {
            Errno e;
            try {
                e = Errno.valueOf(r[0]);
            } catch (IllegalArgumentException missing) {
                wrong.add(r[0] + " has no Errno");
                continue;
            }
            int n = Integer.parseInt(r[1]);
            if (LINUX.nativeErrno(e) != n) {
                wrong.add(r[0] + "=" + n + " (weft " + LINUX.nativeErrno(e) + ")");
            }
            if (LINUX.errno(n) == Errno.UNKNOWN) {
                wrong.add(n + " unnamed");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theCommittedTableIsWhatTheGeneratorPrintsHere() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve(GENERATOR))) {
            root = root.getParent();
        }
        assumeTrue(root != null, "the source tree (tools/) is not above " + Path.of("").toAbsolutePath());
        String committed = Files.readString(root.resolve("impl-linux").resolve(TABLE));
        Matcher m = Pattern.compile("with python3 (\\S+);").matcher(committed);
        assertTrue(m.find(), "the table names the python3 it was generated with");
        String here = Commands.run("python3", "-c", "import platform; print(platform.python_version())").trim();
        // Another CPython exports another set of names; the values are checked above either way.
        assumeTrue(here.equals(m.group(1)), "the table comes from python3 " + m.group(1) + ", this is " + here);
        Commands.run("cc", "--version"); // the generator reads the names CPython leaves out from the C headers
        assumeTrue(Files.exists(Path.of("/usr/include/bluetooth/bluetooth.h")),
                "the Bluetooth headers are not installed (apt-get install libbluetooth-dev; .ci/run does): the generator reads AF_BLUETOOTH's names from them");
        String generated = Commands.run("python3", root.resolve(GENERATOR).toString());
        assertEquals(committed, generated, "run: python3 tools/gen-linux-constants.py > impl-linux/" + TABLE);
    }
}
