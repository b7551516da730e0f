package org.p2pstorage.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium for the portal's tests: Debian's {@code chromium} and {@code chromium-driver}
 * (installed by {@code .ci/run}), driven by Selenium with the driver and binary given explicitly, so
 * that Selenium Manager never downloads anything. Each browser has a fresh profile and download folder
 * and a 1280×800 window. Tests that need it are skipped, with the reason, where the driver is missing.
 */
final class Browser implements AutoCloseable {

    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** axe-core's script, read once from the test resources. */
    private static final Supplier<String> AXE = new Supplier<>() {
        private volatile String script;

        @Override
        public String get() {
            if (script == null) {
                try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                    script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return script;
        }
    };

    final WebDriver driver;
    final Path downloads;
    private final Path profile;
    private final String base;

    private Browser(String base) throws IOException {
        this.base = base;
        profile = Files.createTempDirectory("portal-chromium-");
        downloads = Files.createTempDirectory("portal-downloads-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false, "safebrowsing.enabled", false));
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /**
     * A browser on the suite server. Where Chromium or its driver is not installed the test fails, saying
     * so: a skip would pass unnoticed.
     */
    static Browser open() throws IOException {
        if (!Files.isExecutable(DRIVER) || !Files.isExecutable(BINARY)) {
            throw new AssertionError("browser tests need Debian's chromium and chromium-driver (" + BINARY + ", "
                    + DRIVER + "); .ci/run installs them");
        }
        return new Browser("http://localhost:" + Integer.getInteger("it.suite.http", 8180));
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        until(d -> {
            WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
            if (element == null) {
                return false;
            }
            centre(element).click();
            return true;
        });
    }

    /** Clicks what {@code target} finds, again if a poll re-rendered it meanwhile. */
    void click(Function<WebDriver, WebElement> target) {
        until(d -> {
            centre(target.apply(d)).click();
            return true;
        });
    }

    /** Waits until no PrimeFaces Ajax request is queued or running, so that the next click acts on the page it answered. */
    void ajaxIdle() {
        until(d -> Boolean.TRUE.equals(script("return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    /** Scrolls the element to the middle of the window, away from the sticky header. */
    private WebElement centre(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        return element;
    }

    /** Types into a field, again from the start if an Ajax update replaced it meanwhile. */
    void type(By by, String text) {
        until(d -> {
            WebElement field = find(by);
            field.clear();
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            field.sendKeys(text);
            return text.equals(field.getAttribute("value"));
        });
    }

    <T> T until(Function<WebDriver, T> condition) {
        return until(condition, Duration.ofSeconds(30));
    }

    /** Waits for the condition; when it never holds, the failure tells where the browser was and what it showed. */
    <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        try {
            return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class)
                    .until(condition);
        } catch (TimeoutException e) {
            String shown;
            try {
                shown = text();
            } catch (RuntimeException unreadable) {
                shown = "(unreadable: " + unreadable.getMessage() + ")";
            }
            throw new TimeoutException("at " + driver.getCurrentUrl() + " the page showed:\n" + shown, e);
        }
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A phone-sized window (390 × 844 CSS pixels, as an iPhone 14). */
    void phone() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    void wide() {
        driver.manage().window().setSize(new Dimension(1280, 800));
    }

    /** Whether the page is wider than the window, so that it scrolls sideways. */
    boolean scrollsSideways() {
        Object wider = script("return document.documentElement.scrollWidth > window.innerWidth");
        return Boolean.TRUE.equals(wider);
    }

    /**
     * The serious and critical accessibility violations axe-core finds on the page (WCAG 2 A and AA rules,
     * contrast included), one line each with the elements. axe-core is a test resource (see its README).
     */
    List<String> accessibilityViolations() {
        script(AXE.get());
        Object found = ((JavascriptExecutor) driver).executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then(function (r) {
                    done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                      .map(function (v) { return v.id + ': ' + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));
                  }, function (e) { done(['axe failed: ' + e]); });
                """);
        return ((List<?>) found).stream().map(String::valueOf).toList();
    }

    /** Registers an account on the sign-in page. */
    void register(String name) {
        click(By.id("signin:toggle"));
        find(By.id("signin:email"));
        type(By.id("signin:username"), name);
        type(By.id("signin:email"), name + "@p2p.test");
        type(By.id("signin:password"), Api.PASSWORD);
        click(By.id("signin:registerButton"));
        until(d -> text().contains("Account " + name + " created"));
    }

    /** Signs in on the sign-in page and waits for the page it leads to. */
    void signIn(String name, String password, String landing) {
        type(By.id("signin:username"), name);
        type(By.id("signin:password"), password);
        click(By.id("signin:signInButton"));
        until(ExpectedConditions.urlContains(landing));
    }

    void signIn(String name) {
        signIn(name, Api.PASSWORD, "/catalog/drive.xhtml");
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, wholePage());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole page (up to 3000 pixels high), not only the window, through the DevTools protocol. */
    private byte[] wholePage() {
        script("window.scrollTo(0, 0)");
        long width = ((Number) script("return window.innerWidth")).longValue();
        long height = Math.min(3000, ((Number) script("return document.documentElement.scrollHeight")).longValue());
        Map<String, Object> shot = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return Base64.getDecoder().decode((String) shot.get("data"));
    }

    @Override
    public void close() throws IOException {
        driver.quit();
        for (Path folder : new Path[]{profile, downloads}) {
            try (var walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
