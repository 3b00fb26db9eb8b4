package dev.weft.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code MSG_NOSIGNAL} is a rule of the socket's family, decided from the family the core
 * passes with every send, not from a table of descriptors this provider opened: so a socket
 * adopted with {@code fromfd} of a family whose sendmsg refuses the flag ({@code AF_QIPCRTR}:
 * {@code EINVAL}, {@code AF_RDS}: {@code EOPNOTSUPP}) sends without it too. The kernel lane's
 * {@code QipcrtrFamilyTest} and {@code RdsFamilyTest} send through such adopted sockets.
 */
class SendFlagsRuleTest {
    private final LinuxProvider p = new LinuxProvider();

    private int c(String name) {
        return p.constants().get(name);
    }

    @Test
    void qipcrtrAndRdsSendWithoutMsgNosignalWhateverTheDescriptor() {
        assertEquals(0, p.sendFlags(c("AF_QIPCRTR")), "AF_QIPCRTR's sendmsg fails with EINVAL on MSG_NOSIGNAL");
        assertEquals(0, p.sendFlags(c("AF_RDS")), "AF_RDS's sendmsg fails with EOPNOTSUPP on MSG_NOSIGNAL");
    }

    @Test
    void everyOtherFamilySendsWithMsgNosignal() {
        for (String f : new String[] {"AF_INET", "AF_INET6", "AF_UNIX", "AF_NETLINK", "AF_PACKET", "AF_VSOCK", "AF_TIPC"}) {
            assertEquals(c("MSG_NOSIGNAL"), p.sendFlags(c(f)), f + ": a send must never raise SIGPIPE");
        }
    }
}
