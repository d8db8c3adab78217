package org.sea.pli.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sea.pli.testing.CommandRun;

/**
 * The command line itself (spec §7), without starting Spring: every verb has its --help, a usage
 * error is one line plus a hint and exit 2, and Spring Boot properties are passed through.
 */
class CommandLineTest {

    private static final String JAR = "java -jar target/pl-impact.jar";

    @TempDir
    Path tmp;

    private static CommandRun execute(String... args) {
        return CommandRun.execute(Map.of(), List.of(args));
    }

    @Test
    void everyVerbHasItsOwnHelp() {
        Map<String, String> synopsis = new LinkedHashMap<>();
        synopsis.put("run", "run --inbox DIR --warehouse URI --as-of YYYY-MM-DD");
        synopsis.put("rerun", "rerun --warehouse URI --run RUN_ID --inbox DIR --out URI");
        synopsis.put("verify", "verify --warehouse URI --run RUN_ID --inbox DIR");
        synopsis.put("generate", "generate --out DIR --scale small|district|state --seed N");
        synopsis.put("validate", "validate --inbox DIR --lea LEA_ID [--as-of YYYY-MM-DD]");
        synopsis.forEach((verb, usage) -> {
            CommandRun r = execute(verb, "--help");
            assertThat(r.code()).as(verb).isZero();
            assertThat(r.err()).as(verb).isEmpty();
            assertThat(r.out()).as(verb).startsWith("Usage: " + JAR + " " + usage);
            assertThat(execute("help", verb).out()).as(verb).isEqualTo(r.out());
        });
    }

    @Test
    void theGeneralHelpListsEveryVerbAndEveryExitCode() {
        for (String help : List.of("--help", "-h", "help")) {
            CommandRun r = execute(help);
            assertThat(r.code()).as(help).isZero();
            for (String verb : List.of("run", "rerun", "verify", "generate", "validate")) {
                assertThat(r.out()).as(help).contains("  " + JAR + " " + verb + " --");
            }
            assertThat(r.out().replaceAll("\\s+", " "))
                    .as(help)
                    .contains("0 success, 1 run failed, 2 usage or configuration error,"
                            + " 3 verify mismatch, 4 validate found a file that would be rejected");
        }
    }

    @Test
    void validateHelpSaysWhichIdsItPrints() {
        assertThat(execute("validate", "--help").out().replaceAll("\\s+", " "))
                .contains("it prints no student or"
                        + " educator id, except inside the rejected rows it shows, which are the LEA's own rows");
    }

    @Test
    void usageErrorsAreOneLinePlusAHintAndExitTwo() {
        String dir = tmp.toString();
        Map<List<String>, String> cases = new LinkedHashMap<>();
        cases.put(List.of(), "pl-impact: no command given");
        cases.put(List.of("frobnicate"), "pl-impact: unknown command 'frobnicate'");
        cases.put(
                List.of("run", "--inbox", dir, "--as-of", "2026-06-30"),
                "pl-impact: missing required option --warehouse");
        cases.put(List.of("rerun", "--warehouse", dir), "pl-impact: missing required options --run, --inbox, --out");
        cases.put(List.of("verify", "--warehouse", dir, "--run", "r", "--inbox"), "pl-impact: --inbox needs a value");
        cases.put(
                List.of("generate", "--out", dir, "--scale", "huge", "--seed", "1"),
                "pl-impact: --scale must be small, district or state, got 'huge'");
        cases.put(
                List.of("validate", "--inbox", dir, "--lea", "x", "--bogus"),
                "pl-impact: unknown option --bogus for 'validate'");
        cases.put(List.of("run", "--strict=yes"), "pl-impact: --strict takes no value");
        cases.put(
                List.of("generate", "--out", dir, "--scale", "small", "--seed", "1", "extra"),
                "pl-impact: unexpected argument 'extra'");
        cases.put(
                List.of("run", "--pli.min-cell-size"),
                "pl-impact: setting --pli.min-cell-size needs a value:" + " --pli.min-cell-size=VALUE");
        cases.put(
                List.of(
                        "run",
                        "--inbox",
                        tmp.resolve("nowhere").toString(),
                        "--warehouse",
                        dir,
                        "--as-of",
                        "2026-06-30"),
                "pl-impact: inbox " + tmp.resolve("nowhere") + " is not a directory");
        cases.forEach((args, line) -> {
            CommandRun r = CommandRun.execute(Map.of(), args);
            assertThat(r.code()).as(args.toString()).isEqualTo(2);
            String verb = args.isEmpty() || args.get(0).equals("frobnicate") ? "" : " " + args.get(0);
            assertThat(r.errLines()).as(args.toString()).containsExactly(line, "see '" + JAR + verb + " --help'");
            assertThat(r.out()).as(args.toString()).isEmpty();
        });
    }

    @Test
    void anArgumentStartingWithAtIsAValueNotAFileToExpand() {
        CommandRun r = execute("validate", "--inbox", "@" + tmp, "--lea", "x");
        assertThat(r.errLines().get(0)).isEqualTo("pl-impact: inbox @" + tmp + " is not a directory");
    }

    @Test
    void springBootPropertiesAreSplitOffBeforeParsingWhereverTheyStand() {
        SpringArguments split = SpringArguments.split(new String[] {
            "run",
            "--pli.min-cell-size=5",
            "--inbox",
            "in",
            "--spring.datasource.url=jdbc:h2:mem:x",
            "--as-of",
            "2026-06-30",
            "--logging.structured.format.console=ecs"
        });
        assertThat(split.settings())
                .containsExactly(
                        "--pli.min-cell-size=5",
                        "--spring.datasource.url=jdbc:h2:mem:x",
                        "--logging.structured.format.console=ecs");
        assertThat(split.options()).containsExactly("run", "--inbox", "in", "--as-of", "2026-06-30");
        assertThatThrownBy(() -> SpringArguments.split(new String[] {"validate", "--spring.profiles.active"}))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a value");
    }

    @Test
    void generateTakesSettingsWithoutComplaint() {
        CommandRun r = execute(
                "generate",
                "--out",
                tmp.resolve("g").toString(),
                "--scale",
                "small",
                "--seed",
                "3",
                "--pli.min-cell-size=5",
                "--logging.structured.format.console=ecs");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("generated small inbox (seed 3, 2 school years)");
    }
}
