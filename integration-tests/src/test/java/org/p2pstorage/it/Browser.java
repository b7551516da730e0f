package org.p2pstorage.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
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
     * A browser on the suite server. Where Chromium or its driver is not installed the test is skipped on
     * a developer's machine, but fails in CI ({@code CI=true}), where a skip would pass unnoticed.
     */
    static Browser open() throws IOException {
        boolean installed = Files.isExecutable(DRIVER) && Files.isExecutable(BINARY);
        String missing = "browser tests need Debian's chromium and chromium-driver (" + BINARY + ", " + DRIVER
                + "); .ci/run installs them";
        if (!installed && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(missing);
        }
        Assumptions.assumeTrue(installed, missing);
        return new Browser("http://localhost:" + Integer.getInteger("it.suite.http", 8180));
    }

    void go(String path) {
        driver.get(base + path);
    }

    WebElement find(By by) {
        return until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    /** Clicks what {@code target} finds, again if a poll re-rendered it meanwhile. */
    void click(Function<WebDriver, WebElement> target) {
        until(d -> {
            target.apply(d).click();
            return true;
        });
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

    <T> T until(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200))
                .ignoring(StaleElementReferenceException.class).until(condition);
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves what the browser shows as target/screenshots/{name}.png. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
