package dev.weft.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * {@code ioctl(2)} with a pointer argument, for the one request a family needs
 * ({@code IOCTL_VM_SOCKETS_GET_LOCAL_CID}). Its own class so that the common binding is left
 * as it is; on the Linux ABIs weft runs on a variadic call passes its arguments as a plain one.
 */
final class LinuxIoctl {
    private LinuxIoctl() {}

    static {
        Native.register(LinuxIoctl.class, NativeLibrary.getInstance(Platform.C_LIBRARY_NAME));
    }

    static native int ioctl(int fd, long request, long arg);
}
