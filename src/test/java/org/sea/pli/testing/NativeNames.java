package org.sea.pli.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Creates files whose names are not ASCII whatever this JVM's locale: with {@code LANG} unset (a
 * CI machine, a container) Java cannot even name such a file ({@code sun.jnu.encoding} ASCII), so
 * the shell writes it from UTF-8 bytes given as {@code printf} octal escapes
 * ({@code "L00\\303\\274"} is {@code L00ü}).
 */
public final class NativeNames {

    private NativeNames() {}

    /** Writes {@code content} to {@code dir/<printf(name)>}, creating its folder. */
    public static void write(Path dir, String printfName, String content) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        "cd \"$1\" && n=$(printf \"$2\") && mkdir -p \"$(dirname \"$n\")\" && printf '%s' \"$3\" > \"$n\"",
                        "sh",
                        dir.toString(),
                        printfName,
                        content)
                .inheritIO()
                .start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("sh could not write " + printfName + " in " + dir);
        }
    }
}
