package dev.weft;

import java.net.UnknownHostException;

/**
 * A resolver failure from {@code getaddrinfo}/{@code getnameinfo} (Python's
 * {@code socket.gaierror}): the {@code EAI_*} code, its name and {@code gai_strerror} text.
 *
 * <pre>{@code
 * catch (GaiException e) { if (e.eaiName().equals("EAI_NONAME")) ... }
 * }</pre>
 */
public class GaiException extends UnknownHostException {
    private static final long serialVersionUID = 1L;
    private final int eaiCode;
    private final String eaiName;

    /** Creates the exception with the native code, its {@code EAI_*} name and the message. */
    public GaiException(int eaiCode, String eaiName, String message) {
        super(message);
        this.eaiCode = eaiCode;
        this.eaiName = eaiName;
    }

    /** The native {@code EAI_*} value, as Python's {@code gaierror.errno}. */
    public int eaiCode() {
        return eaiCode;
    }

    /** The code's name, e.g. {@code "EAI_NONAME"}, or {@code "EAI_?"} if unknown. */
    public String eaiName() {
        return eaiName;
    }
}
