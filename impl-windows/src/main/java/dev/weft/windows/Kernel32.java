package dev.weft.windows;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;

/**
 * The few {@code kernel32.dll} calls the provider needs: Windows' own error messages
 * ({@code FormatMessageW}, as CPython's {@code PyErr_SetExcFromWindowsErr}), a socket's
 * inheritance flag (a {@code SOCKET} is a kernel handle) and the process id for
 * {@code share()}. Direct mapping, as {@link Ws2}; loaded only on Windows.
 */
final class Kernel32 {
    private Kernel32() {}

    static {
        Native.register(Kernel32.class, NativeLibrary.getInstance("kernel32"));
    }

    /**
     * {@code DWORD FormatMessageW(DWORD flags, LPCVOID source, DWORD id, DWORD lang, LPWSTR buf,
     * DWORD size, va_list *args)}; a Java {@code char[]} is passed as UTF-16, Windows' WCHAR.
     */
    static native int FormatMessageW(int flags, long source, int messageId, int languageId, char[] buffer, int size,
            long arguments);

    static native int GetHandleInformation(long handle, int[] flags);

    static native int SetHandleInformation(long handle, int mask, int flags);

    static native int GetCurrentProcessId();
}
