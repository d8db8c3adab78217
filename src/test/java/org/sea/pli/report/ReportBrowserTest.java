package org.sea.pli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample run's pages rendered by a real browser (headless Chromium): a screenshot of the state
 * page and of one LEA page must not be blank. Without Chromium the test is skipped on a developer
 * machine, but fails in CI ({@code CI=true}), where {@code .ci/run} installs it.
 */
class ReportBrowserTest {

    static Path chromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    static Path screenshot(Path browser, Path page, Path png, Path profile) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--screenshot=" + png,
                "--window-size=1280,2000",
                page.toUri().toString()));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        profile.resolveSibling(profile.getFileName() + ".log").toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + cmd);
        }
        assertThat(png)
                .as("screenshot of " + page + " (exit " + p.exitValue() + ")")
                .isRegularFile();
        return png;
    }

    /** The DOM as the browser built it from the page ({@code --dump-dom}), parsed back. */
    static org.jsoup.nodes.Document renderedDom(Path browser, Path page, Path profile) throws Exception {
        List<String> cmd = List.of(
                browser.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--dump-dom",
                page.toUri().toString());
        Path out = profile.resolveSibling(profile.getFileName() + ".dom.html");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(profile.resolveSibling(profile.getFileName() + ".dom.log")
                        .toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("chromium did not finish in 120 s: " + cmd);
        }
        return org.jsoup.Jsoup.parse(Files.readString(out));
    }

    /** Variance of the grey level over all pixels: 0 for a blank (single-colour) image. */
    static double variance(BufferedImage img) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                double g = 0.299 * (rgb >> 16 & 0xff) + 0.587 * (rgb >> 8 & 0xff) + 0.114 * (rgb & 0xff);
                sum += g;
                sq += g * g;
                n++;
            }
        }
        double mean = sum / n;
        return sq / n - mean * mean;
    }

    @Test
    void stateAndLeaPagesRenderInAHeadlessBrowser(@TempDir Path tmp) throws Exception {
        Path browser = chromium();
        if (browser == null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("chromium is not installed; .ci/run installs it (apt-get install -y chromium)");
            }
            assumeTrue(false, "chromium not installed on this machine");
        }
        Path report = SampleReport.reportDir();
        for (String page : List.of("index.html", "lea/lea-0001.html")) {
            Path png = screenshot(
                    browser,
                    report.resolve(page),
                    tmp.resolve(page.replace('/', '-') + ".png"),
                    tmp.resolve("profile-" + page.replace('/', '-')));
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(1280);
            assertThat(variance(img)).as(page + " is not blank").isGreaterThan(100.0);
            // spec §5.11 in the rendered page: the grid (one row per registered LEA, 7 extract cells each)
            // on the state page; the checklist with the validate command first on the LEA page
            org.jsoup.nodes.Document dom =
                    renderedDom(browser, report.resolve(page), tmp.resolve("dom-" + page.replace('/', '-')));
            String html = dom.outerHtml();
            if (page.equals("index.html")) {
                assertThat(dom.select("#submission-grid tbody tr"))
                        .hasSize(6)
                        .allSatisfy(tr -> assertThat(tr.select("td[data-col]")).hasSize(8));
                assertThat(dom.select("#submission-grid td[data-col=satisfaction]")
                                .text())
                        .contains("in force, 1 d; newest file rejected"); // lea-0003, see SampleRunTest
            } else {
                assertThat(dom.selectFirst("main > section").id()).isEqualTo("submission-section");
                assertThat(dom.select("#submission-checklist tbody tr")).hasSize(2 * 7);
                assertThat(dom.select("#validate-command").text())
                        .isEqualTo("java -jar pl-impact.jar validate --inbox <inbox> --lea lea-0001");
            }
            // what the browser rendered (its DOM after parsing the page): the §4.5–§4.7 evidence is there
            if (page.equals("index.html")) {
                assertThat(html)
                        .contains("id=\"chart-bright-spots-2025-26\"")
                        .contains("shrunk change (ranked on)")
                        .contains("raw mean with 95% interval");
            } else {
                assertThat(html)
                        .contains("id=\"evidence\"")
                        .containsAnyOf(EvidenceSection.SIMILAR, EvidenceSection.ADJUST, EvidenceSection.NOT_COMPARABLE);
            }
            if (page.equals("index.html")) {
                // the lens sections (spec §5.8–§5.10) are in the DOM the browser built
                assertThat(html)
                        .contains(
                                "id=\"design-section\"",
                                "id=\"chart-design\"",
                                "id=\"dimension-heat-2024-25\"",
                                "id=\"dimension-heat-2025-26\"",
                                "id=\"persistence-section\"",
                                "id=\"chart-persistence\"",
                                "id=\"practice-persistence\"");
                assertThat(html).containsPattern("<td data-col=\"[a-z_]+\" class=\"sup\">suppressed</td>");
                // kept for the README's picture (docs/report-state.png is a copy of it)
                Files.copy(
                        png, Path.of("target", "report-state.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
