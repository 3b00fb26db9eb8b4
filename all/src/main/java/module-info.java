/**
 * weft's API with every provider: one dependency for any OS. It holds no code; at run time
 * {@code ServiceLoader} picks the provider for the running OS and the others decline.
 * Grant the providers native access on JDK 24+:
 * {@code --enable-native-access=com.sun.jna,dev.weft.posix,dev.weft.linux} (module path) or
 * {@code --enable-native-access=ALL-UNNAMED} (class path).
 */
module dev.weft.all {
    requires transitive dev.weft;
    requires dev.weft.linux;
    requires dev.weft.macos;
    requires dev.weft.windows;
}
