package dev.stonks.inttest.reporter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, at 1280x800,
 * with a fresh profile and nothing that phones home. Screenshots go to {@code target/dashboard-screenshots/}.
 */
final class DashboardBrowser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "dashboard-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final Path profile;

    private DashboardBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Fails (never skips) when Chromium or its driver is missing: CI installs both. */
    static DashboardBrowser start() {
        for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(binary + " is missing: the dashboard is tested in a real Chromium; "
                        + "install it with `apt-get install -y chromium chromium-driver`");
            }
        }
        try {
            Path profile = Files.createTempDirectory("dashboard-chromium-");
            Files.createDirectories(SCREENSHOTS);
            try (var old = Files.newDirectoryStream(SCREENSHOTS, "*.png")) {
                for (Path png : old) {
                    Files.delete(png);
                }
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            // the page itself at 1280x800, whatever the window's frame takes
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 1280, "height", 800,
                    "deviceScaleFactor", 1, "mobile", false));
            return new DashboardBrowser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            // the page redraws parts of itself as events arrive: an element found a moment ago may be gone
            return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(StaleElementReferenceException.class)
                    .until(condition);
        } catch (RuntimeException e) {
            screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase());
            throw new AssertionError(what + " (within " + WAIT.toSeconds() + " s): " + e.getMessage() + "\npage text:\n"
                    + text("body") + "\nbrowser log:\n" + String.join("\n", log()), e);
        }
    }

    /** Waits until an element matches; returns nothing, as the element may be redrawn at any moment. */
    void awaitElement(String css) {
        await("an element " + css, d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Clicks the element the locator finds, found anew on each try (a redraw between finding and clicking). */
    void click(String what, By locator) {
        await(what, d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** The first matching element's visible text ("" when none), read anew if the page redraws meanwhile. */
    String text(String css) {
        return fresh(() -> driver.findElements(By.cssSelector(css)).stream().findFirst().map(WebElement::getText)
                .orElse(""));
    }

    /** Every matching element's visible text, in document order, all read from one rendering of the page. */
    List<String> texts(String css) {
        return fresh(() -> driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList());
    }

    /** Every matching element's attribute, in document order, all read from one rendering of the page. */
    List<String> attributes(String css, String attribute) {
        return fresh(() -> driver.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute(attribute))
                .toList());
    }

    /** How many elements match (no element is touched, so none can go stale). */
    int count(String css) {
        return driver.findElements(By.cssSelector(css)).size();
    }

    /** Reads again when an element went stale under the read: the page redraws parts of itself as events arrive. */
    private static <T> T fresh(java.util.function.Supplier<T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.get();
            } catch (StaleElementReferenceException e) {
                if (attempt == 20) {
                    throw e;
                }
            }
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * The page's accessibility violations of impact serious or critical, by axe-core's rules (WCAG 2.x A and AA), as
     * "rule: help (impact) at selector" lines; empty when there are none.
     */
    List<String> accessibilityViolations() {
        try (var in = DashboardBrowser.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath (com.deque.html.axe-core)");
            }
            script(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object found = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                + ".flatMap(v => v.nodes.slice(0, 3).map(n => v.id + ': ' + v.help + ' (' + v.impact + ') at '"
                + " + n.target.join(' ')))), e => done(['axe failed: ' + e]));");
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) found;
        return violations;
    }

    /** The browser console (errors of the page's scripts, failed requests). */
    List<String> log() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    /** Two pictures: what a 1280x800 screen shows, and the whole page. Returns the whole page's file. */
    Path screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            @SuppressWarnings("unchecked")
            Map<String, Object> metrics = (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics",
                    Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1, "width",
                    ((Number) size.get("width")).doubleValue(), "height", ((Number) size.get("height")).doubleValue());
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                    "captureBeyondViewport", true, "clip", clip));
            Path full = SCREENSHOTS.resolve(name + "-full.png");
            Files.write(full, Base64.getDecoder().decode((String) shot.get("data")));
            return full;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
