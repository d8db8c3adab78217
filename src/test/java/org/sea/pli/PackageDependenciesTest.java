package org.sea.pli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules the package-info files state, checked on the imports (and, for
 * {@code ops}, Javadoc links) of the sources: {@code ops} never
 * uses {@code run} (run uses ops); the stages are plain classes, free of Spring and of {@code run};
 * {@code storage} depends on no other pl-impact package.
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/org/sea/pli");

    @Test
    void opsDoesNotUseRun() throws IOException {
        assertThat(mentions("ops", "import org.sea.pli.run.")).isEmpty();
        assertThat(mentions("ops", "@link org.sea.pli.run.")).isEmpty();
    }

    @Test
    void stagesUseNeitherSpringNorRun() throws IOException {
        assertThat(mentions("stage", "import org.springframework.")).isEmpty();
        assertThat(mentions("stage", "import org.sea.pli.run.")).isEmpty();
        assertThat(mentions("stage", "import org.sea.pli.cli.")).isEmpty();
    }

    @Test
    void storageUsesNoOtherPackageOfOurs() throws IOException {
        List<String> found = new ArrayList<>();
        for (String line : mentions("storage", "import org.sea.pli.")) {
            if (!line.contains("import org.sea.pli.storage.") && !line.contains("import static org.sea.pli.storage.")) {
                found.add(line);
            }
        }
        assertThat(found).isEmpty();
    }

    /** Lines of the package's sources naming {@code text}, as "File.java: line". */
    private static List<String> mentions(String pkg, String text) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            for (Path f :
                    files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    if (line.contains(text)) {
                        found.add(f.getFileName() + ": " + line.strip());
                    }
                }
            }
        }
        assertThat(Files.isDirectory(MAIN.resolve(pkg))).isTrue();
        return found;
    }
}
