package dev.weft.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.Errno;
import dev.weft.Family;
import dev.weft.OsError;
import dev.weft.SockAddr;
import dev.weft.Socket;
import dev.weft.SocketType;
import dev.weft.Sockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code AF_ALG}, the kernel's crypto API, gives the published answers: SHA-256 of "abc"
 * (FIPS 180-2), HMAC-SHA-256 (RFC 4231 case 2, key by {@code ALG_SET_KEY}), AES-128-CBC
 * both ways (RFC 3602 case 1, op and IV by {@link Socket#sendMsgAfAlg}), AES-128-GCM (the
 * GCM paper's test case 2, {@code ALG_SET_AEAD_AUTHSIZE} by the optlen-only setsockopt and
 * an associated-data length), and {@code stdrng}. The operation socket from {@code accept()}
 * parks in the poller and fails at once when non-blocking; an algorithm the kernel lacks is
 * {@code ENOENT}.
 */
@Tag(KernelLane.TAG)
class AlgFamilyTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int SOL_ALG = Sockets.constant("SOL_ALG", 279);
    private static final int ALG_SET_KEY = Sockets.constant("ALG_SET_KEY", 1);
    private static final int ALG_SET_AEAD_AUTHSIZE = Sockets.constant("ALG_SET_AEAD_AUTHSIZE", 5);
    private static final int ENCRYPT = Sockets.constant("ALG_OP_ENCRYPT", 1);
    private static final int DECRYPT = Sockets.constant("ALG_OP_DECRYPT", 0);

    @BeforeEach
    void needsAlg() throws IOException {
        KernelLane.assumeSocket(Family.ALG, SocketType.SEQPACKET, 0, "AF_ALG");
    }

    private static Socket alg(String type, String name, byte[] key) throws IOException {
        Socket s = Socket.open(Family.ALG, SocketType.SEQPACKET);
        try {
            s.bind(new SockAddr.Alg(type, name));
            if (key != null) {
                s.setSockOpt(SOL_ALG, ALG_SET_KEY, key);
            }
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static Socket op(Socket alg) throws IOException {
        Socket op = alg.accept().socket();
        op.setTimeout(TestKit.BOUND);
        return op;
    }

    @Test
    void sha256OfAbcIsFips180sAnswer() throws Exception {
        try (Socket alg = alg("hash", "sha256", null); Socket op = op(alg)) {
            op.sendAll("abc".getBytes(StandardCharsets.US_ASCII));
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", HEX.formatHex(op.recv(32)));
        }
    }

    @Test
    void hmacSha256WithAKeyIsRfc4231sAnswer() throws Exception {
        try (Socket alg = alg("hash", "hmac(sha256)", "Jefe".getBytes(StandardCharsets.US_ASCII)); Socket op = op(alg)) {
            op.sendAll("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
            assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", HEX.formatHex(op.recv(32)));
        }
    }

    @Test
    void aesCbcEncryptsAndDecryptsRfc3602Case1() throws Exception {
        byte[] key = HEX.parseHex("06a9214036b8a15b512e03d534120006");
        byte[] iv = HEX.parseHex("3dafba429d9eb430b422da802c9fac41");
        byte[] plain = "Single block msg".getBytes(StandardCharsets.US_ASCII);
        String cipher = "e353779c1079aeb82708942dbe77181a";
        try (Socket alg = alg("skcipher", "cbc(aes)", key)) {
            try (Socket op = op(alg)) {
                assertEquals(16, op.sendMsgAfAlg(List.of(ByteBuffer.wrap(plain)), ENCRYPT, iv, null, 0));
                assertEquals(cipher, HEX.formatHex(op.recv(16)));
            }
            try (Socket op = op(alg)) {
                op.sendMsgAfAlg(List.of(ByteBuffer.wrap(HEX.parseHex(cipher))), DECRYPT, iv, null, 0);
                assertArrayEquals(plain, op.recv(16));
            }
        }
    }

    @Test
    void anOperationSocketReadsInTimeoutNonBlockingAndBlockingModes() throws Exception {
        byte[] key = HEX.parseHex("06a9214036b8a15b512e03d534120006");
        byte[] iv = HEX.parseHex("3dafba429d9eb430b422da802c9fac41");
        try (Socket alg = alg("skcipher", "cbc(aes)", key); Socket op = op(alg)) {
            byte[] got = TestKit.readModes(op,
                    () -> op.sendMsgAfAlg(List.of(ByteBuffer.wrap("Single block msg".getBytes(StandardCharsets.US_ASCII))), ENCRYPT, iv, null, 0));
            assertEquals("e353779c1079aeb82708942dbe77181a", HEX.formatHex(got), "the parked reader gets the cipher text");
        }
    }

    @Test
    void aesGcmWithAuthSizeAndAssocLenIsTestCase2() throws Exception {
        try (Socket alg = alg("aead", "gcm(aes)", new byte[16])) {
            alg.setSockOpt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, null, 16);
            try (Socket op = op(alg)) {
                op.sendMsgAfAlg(List.of(ByteBuffer.wrap(new byte[16])), ENCRYPT, new byte[12], 0, 0);
                assertEquals("0388dace60b6a392f328c2b971b2fe78" + "ab6e47d42cec13bdf53a67b21257bddf", HEX.formatHex(op.recv(32)),
                        "cipher text then the 16-byte tag");
            }
        }
    }

    @Test
    void stdrngGivesBytes() throws Exception {
        try (Socket alg = alg("rng", "stdrng", new byte[48]); Socket op = op(alg)) {
            assertEquals(16, op.recv(16).length);
        }
    }

    @Test
    void anAlgorithmTheKernelLacksIsEnoentAndLeaksNothing() throws Exception {
        TestKit.FdCounts before = TestKit.FdCounts.now();
        try (Socket s = Socket.open(Family.ALG, SocketType.SEQPACKET)) {
            IOException e = assertThrows(IOException.class, () -> s.bind(new SockAddr.Alg("hash", "no-such-hash")));
            assertEquals(Errno.ENOENT, ((OsError) e).errno(), e.getMessage());
        }
        try (Socket s = Socket.open(Family.ALG, SocketType.SEQPACKET)) {
            IOException e = assertThrows(IOException.class, () -> s.bind(new SockAddr.Alg("no-such-type", "sha256")));
            assertEquals(Errno.ENOENT, ((OsError) e).errno(), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Alg("hash", "x".repeat(64)), "CPython: name too long");
        assertThrows(IllegalArgumentException.class, () -> new SockAddr.Alg("hashhashhashha", "sha256"), "type too long");
        TestKit.assertNoFdLeak(before);
    }
}
