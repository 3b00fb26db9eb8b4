package dev.weft.posix;

import com.sun.jna.Native;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Locale;

/**
 * Which binding weft's native calls go through, chosen once per JVM: java.lang.foreign
 * (FFM) where the running JDK has it (22+), this build carries it and native access is
 * granted, else JNA. {@code -Dweft.native=jna} forces JNA; {@code -Dweft.native=ffm}
 * forces FFM and fails in one line where it cannot work. Every POSIX provider's calls go
 * through the one choice: a user sees one provider per OS, whose {@code toString()} names
 * the binding (the selftest prints it).
 *
 * <p>The FFM classes ({@code Ffm*}, in {@code src/main/java22}) are compiled with
 * {@code --release 22} by the build's {@code ffm} profile when the build JDK is 22+, into
 * the same jar as the {@code --release 21} classes; they are only ever loaded by name,
 * after the running JDK was found to be 22+, so a JDK 21 never sees their class files.
 * A build on JDK 21 has none of them, and runs on JNA everywhere.
 *
 * <pre>{@code
 * java -Dweft.native=jna -jar app.jar   // JNA even on JDK 25
 * }</pre>
 */
public final class NativeBinding {
    private NativeBinding() {}

    /** The system property that forces a binding: {@code ffm} or {@code jna}. */
    public static final String PROPERTY = "weft.native";

    private static final boolean FFM;
    private static final String DESCRIPTION;

    static {
        String asked = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (!asked.isEmpty() && !asked.equals("ffm") && !asked.equals("jna")) {
            throw new LinkageError("weft: -D" + PROPERTY + " must be ffm or jna, not '" + asked + "'");
        }
        String why = asked.equals("jna") ? "forced by -D" + PROPERTY + "=jna" : ffmUnavailable();
        if (why == null) {
            FFM = true;
            DESCRIPTION = "FFM (java.lang.foreign, JDK " + Runtime.version().feature() + ")"
                    + (asked.equals("ffm") ? ", forced by -D" + PROPERTY + "=ffm" : "");
        } else if (asked.equals("ffm")) {
            throw new LinkageError("weft: -D" + PROPERTY + "=ffm cannot be used here: " + why);
        } else {
            FFM = false;
            DESCRIPTION = "JNA " + Native.VERSION + " (" + why + ")";
        }
    }

    /** True when the calls go through java.lang.foreign. */
    public static boolean ffm() {
        return FFM;
    }

    /** One line naming the binding and why it was chosen, e.g. {@code FFM (java.lang.foreign, JDK 25)}. */
    public static String description() {
        return DESCRIPTION;
    }

    /** Null if FFM can be used, else why not. */
    private static String ffmUnavailable() {
        int feature = Runtime.version().feature();
        if (feature < 22) {
            return "JDK " + feature + " has no final java.lang.foreign; it needs JDK 22+";
        }
        try {
            // Ffm is the one class of release 22 this one names, and only by name.
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            Class<?> ffm = Class.forName(NativeBinding.class.getPackageName() + ".Ffm", true,
                    NativeBinding.class.getClassLoader());
            return (String) lookup.findStatic(ffm, "unavailable", MethodType.methodType(String.class)).invoke();
        } catch (ClassNotFoundException e) {
            return "this build of weft-impl-posix has no FFM binding (it was built on a JDK older than 22)";
        } catch (Throwable e) {
            return "the FFM binding failed to start: " + e;
        }
    }

    /**
     * The FFM implementation {@code ffmClass} (a class of the caller's package with a
     * no-argument constructor, named so that a release-21 class never links against it)
     * when FFM was chosen, else {@code jna}.
     */
    public static <T> T select(MethodHandles.Lookup caller, String ffmClass, Class<T> type, java.util.function.Supplier<T> jna) {
        if (!FFM) {
            return jna.get();
        }
        try {
            Class<?> c = caller.findClass(caller.lookupClass().getPackageName() + "." + ffmClass);
            return type.cast(caller.findConstructor(c, MethodType.methodType(void.class)).invoke());
        } catch (Error | RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new LinkageError("weft: the FFM binding " + ffmClass + " could not be loaded: " + e, e);
        }
    }
}
