package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * My Drive in a real headless Chromium, item by item of issue 14: sorting each column keeps every row and
 * orders them (also for a brand-new user), search ignores accents and says which folder, names come back
 * as typed (or the change is said), cancelling an upload leaves no file, the time left stays within the
 * link model's, one progress display, a second file of a name asks keep both or replace, and the keyboard
 * (Delete asks and deletes, Escape closes, Enter submits). Every test removes the files it made.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DriveIT {

    private final List<Runnable> cleanUp = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void cleanUp() {
        cleanUp.forEach(Runnable::run);
        Api admin = Api.suiteAdmin();
        for (int n = 1; n <= 5; n++) {
            admin.put("/api/network/nodes/Node_0" + n + "/link",
                    "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
        }
    }

    @Test
    void sortingEveryColumnKeepsEveryRowAndOrdersThem() throws Exception {
        Api user = user();
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.click(header(browser, "Name"));
            browser.until(d -> browser.find(By.id("drive:files")).getText().contains("No files yet"));

            for (String[] file : new String[][]{{"b-middle.txt", "3000"}, {"c-small.txt", "1000"}, {"a-large.txt", "5000"}}) {
                assertEquals(201, user.uploadRaw(file[0], new RandomContent(Integer.parseInt(file[1]), 60), true).status());
            }
            browser.go("/catalog/drive.xhtml");
            browser.until(d -> names(browser).size() == 3);

            sortBy(browser, "Name", List.of("a-large.txt", "b-middle.txt", "c-small.txt"));
            sortBy(browser, "Name", List.of("c-small.txt", "b-middle.txt", "a-large.txt"));
            sortBy(browser, "Size", List.of("c-small.txt", "b-middle.txt", "a-large.txt"));
            sortBy(browser, "Size", List.of("a-large.txt", "b-middle.txt", "c-small.txt"));
            sortBy(browser, "Modified", List.of("b-middle.txt", "c-small.txt", "a-large.txt"));
            browser.click(header(browser, "Status"));
            browser.ajaxIdle();
            browser.until(d -> names(browser).size() == 3);
            assertFalse(browser.text().contains("No files yet"));
        }
    }

    @Test
    void searchIgnoresAccentsAndSaysWhichFolder() throws Exception {
        Api user = user();
        String folder = user.postJson("/api/folders", jakarta.json.Json.createObjectBuilder().add("name", "Letters").build())
                .json().getString("folderId");
        String fileId = user.uploadRaw(URLEncoder.encode("ünïcödé.txt", StandardCharsets.UTF_8), new RandomContent(500, 61), true)
                .json().getString("fileId");
        user.patch("/api/files/" + fileId, "{\"folderId\":\"" + folder + "\"}");
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            assertFalse(browser.find(By.id("drive:files")).getText().contains("ünïcödé.txt"), "the file is in its folder");
            assertTrue(browser.find(By.cssSelector(".folder-row")).getText().contains("Letters"), "folders are rows");
            browser.click(d -> d.findElement(By.cssSelector(".folder-row .rename-folder")));
            browser.type(By.id("renameForm:newName"), "Letters ✉ 2025");
            browser.find(By.id("renameForm:newName")).sendKeys(Keys.ENTER);
            browser.until(d -> d.findElement(By.cssSelector(".folder-row")).getText().contains("Letters ✉ 2025"));
            assertEquals("Letters ✉ 2025", user.get("/api/folders").array().getJsonObject(0).getString("name"),
                    "a folder is renamed as in a drive");
            browser.go("/catalog/drive.xhtml?q=unicode");
            WebElement row = rowOf(browser, "ünïcödé.txt");
            assertTrue(row.getText().contains("in Letters ✉ 2025"), row.getText());
            browser.go("/catalog/drive.xhtml?q=nothing-like-this");
            String files = browser.find(By.id("drive:files")).getText();
            assertTrue(files.contains("No file matches “nothing-like-this”"), files);
            assertFalse(files.contains("upload some"));
        }
    }

    @Test
    void namesComeBackAsTypedOrTheChangeIsSaid() throws Exception {
        Api user = user();
        Path folder = Files.createTempDirectory("portal-names-");
        cleanUp.add(() -> delete(folder));
        Path spaced = Files.write(folder.resolve("report%20final.txt"), new RandomContent(800, 62).bytes());
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(spaced.toString());
            browser.until(d -> names(browser).contains("report%20final.txt"));
            assertFalse(browser.text().contains("File Error"));

            String typed = "<b>x</b>.txt";
            browser.click(d -> rowOf(browser, "report%20final.txt").findElement(By.cssSelector(".rename")));
            browser.type(By.id("renameForm:newName"), typed);
            browser.find(By.id("renameForm:newName")).sendKeys(Keys.ENTER);
            browser.until(d -> !names(browser).contains("report%20final.txt") || !messages(browser).isEmpty());
            String shown = names(browser).get(0);
            boolean refusedWithAReason = names(browser).contains("report%20final.txt") && !messages(browser).isEmpty();
            assertTrue(shown.equals(typed) || messages(browser).contains(typed) || refusedWithAReason,
                    "the name is kept as typed, or the page says what became of it, or it is refused with the reason"
                            + " and the file keeps its name: " + shown + " / " + messages(browser));
        }
    }

    @Test
    void cancellingAnUploadLeavesNoFileAndProgressIsHonest() throws Exception {
        Api user = user();
        slowLinks();
        Path folder = Files.createTempDirectory("portal-cancel-");
        cleanUp.add(() -> delete(folder));
        Path big = Files.write(folder.resolve("large-video.mp4"), new RandomContent(1_500_000, 63).bytes());
        Path other = Files.write(folder.resolve("slides.pdf"), new RandomContent(600_000, 64).bytes());
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(other.toString());
            browser.until(d -> transferText(browser, "slides.pdf").contains("left"), Duration.ofSeconds(30));
            String fileId = fileIdOf(user, "slides.pdf");
            List<double[]> shown = new ArrayList<>();
            browser.until(d -> {
                String text = transferText(browser, "slides.pdf");
                Matcher left = Pattern.compile("· ([0-9.]+)% · about ([0-9.]+) s left").matcher(text);
                if (left.find()) {
                    shown.add(new double[]{Double.parseDouble(left.group(1)), Double.parseDouble(left.group(2))});
                }
                return text.contains("done in");
            }, Duration.ofSeconds(60));
            long expectedMs = user.get("/api/transfers/" + fileId).json().getJsonNumber("expectedMs").longValue();
            assertFalse(shown.isEmpty(), "a time left was shown");
            for (double[] sample : shown) {
                double modelLeft = expectedMs / 1000.0 * (1 - sample[0] / 100);
                assertTrue(sample[1] <= expectedMs / 1000.0 * 1.5 + 0.3 && sample[1] >= modelLeft / 2 - 0.3,
                        "at " + sample[0] + " % the time left (" + sample[1] + " s) is within the link model's ("
                                + expectedMs + " ms for the whole upload)");
            }
            assertTrue(browser.driver.findElements(By.cssSelector(".upload .ui-fileupload-progress")).stream()
                    .noneMatch(WebElement::isDisplayed), "one progress display");

            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(big.toString());
            browser.click(d -> transfer(browser, "large-video.mp4").findElement(By.cssSelector(".cancel-transfer")));
            browser.until(d -> !browser.find(By.id("drive:files")).getText().contains("large-video.mp4"));
            browser.until(d -> user.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                    .noneMatch(f -> f.getString("name").equals("large-video.mp4")), Duration.ofSeconds(90));
        }
    }

    @Test
    void aSecondFileOfTheSameNameAsksKeepBothOrReplace() throws Exception {
        Api user = user();
        Path folder = Files.createTempDirectory("portal-same-");
        cleanUp.add(() -> delete(folder));
        List<Path> notes = new ArrayList<>();
        for (String copy : List.of("first", "second", "third")) {
            Path file = Files.createDirectories(folder.resolve(copy)).resolve("notes.txt");
            notes.add(Files.write(file, new RandomContent(900, 65).bytes()));
        }
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(notes.get(0).toString());
            browser.until(d -> rowOf(browser, "notes.txt").getText().contains("healthy"));
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(notes.get(1).toString());
            browser.click(By.id("duplicateForm:keepBoth"));
            browser.until(d -> names(browser).containsAll(List.of("notes.txt", "notes (1).txt")));
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(notes.get(2).toString());
            browser.click(By.id("duplicateForm:replace"));
            browser.until(d -> names(browser).stream().filter("notes.txt"::equals).count() == 1 && names(browser).size() == 2);
        }
    }

    @Test
    void theKeyboardDeletesTheSelectionAfterAskingAndEscapeCloses() throws Exception {
        Api user = user();
        user.uploadRaw("keep.txt", new RandomContent(300, 66), true);
        user.uploadRaw("drop.txt", new RandomContent(300, 67), true);
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.click(d -> rowOf(browser, "keep.txt").findElement(By.cssSelector(".rename")));
            browser.find(By.id("renameForm:newName"));
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            browser.until(d -> !d.findElement(By.id("renameForm:newName")).isDisplayed());

            browser.click(d -> rowOf(browser, "drop.txt").findElement(By.cssSelector(".ui-chkbox-box")));
            browser.until(d -> d.findElement(By.id("drive:deleteSelected")).isEnabled());
            new Actions(browser.driver).sendKeys(Keys.DELETE).perform();
            browser.find(By.cssSelector(".ui-confirm-dialog"));
            new Actions(browser.driver).sendKeys(Keys.ESCAPE).perform();
            browser.until(d -> !d.findElement(By.cssSelector(".ui-confirm-dialog")).isDisplayed());
            assertTrue(names(browser).contains("drop.txt"), "Escape deletes nothing");
            new Actions(browser.driver).sendKeys(Keys.DELETE).perform();
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.until(d -> names(browser).equals(List.of("keep.txt")));
        }
    }

    private Api user() {
        Api user = Api.suiteUser();
        user.token();
        cleanUp.add(() -> user.get("/api/files/list").array().getValuesAs(JsonObject.class)
                .forEach(f -> user.delete("/api/files/" + f.getString("fileId"))));
        return user;
    }

    /** Every link at 64 KiB/s, so that a transfer lasts long enough to be watched (restored after the test). */
    private static void slowLinks() {
        Api admin = Api.suiteAdmin();
        for (int n = 1; n <= 5; n++) {
            admin.put("/api/network/nodes/Node_0" + n + "/link",
                    "{\"bandwidthBytesPerSecond\":65536,\"delayMinMs\":1,\"delayMaxMs\":5,\"lossRate\":0.01}");
        }
    }

    /**
     * Clicks a column's header once the page is idle and waits for the rows in that order: a sort that gives
     * the order already shown must not let the next click land while its request still runs.
     */
    private static void sortBy(Browser browser, String title, List<String> expected) {
        browser.ajaxIdle();
        browser.click(header(browser, title));
        browser.ajaxIdle();
        browser.until(d -> names(browser).equals(expected));
    }

    static By header(Browser browser, String title) {
        return By.xpath("//th[.//span[normalize-space()='" + title + "']]");
    }

    static List<String> names(Browser browser) {
        return browser.find(By.id("drive:files")).findElements(By.cssSelector("tbody .file-link")).stream()
                .map(WebElement::getText).toList();
    }

    static WebElement rowOf(Browser browser, String fileName) {
        return browser.find(By.id("drive:files")).findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.findElements(By.cssSelector(".file-link")).stream().anyMatch(l -> l.getText().equals(fileName)))
                .findFirst().orElseThrow(() -> new NoSuchElementException("no row for " + fileName));
    }

    private static String messages(Browser browser) {
        return browser.driver.findElements(By.cssSelector("#drive\\:errors, #drive\\:messages, .ui-growl")).stream()
                .map(WebElement::getText).reduce("", String::concat);
    }

    private static WebElement transfer(Browser browser, String name) {
        return browser.driver.findElements(By.cssSelector(".transfer")).stream()
                .filter(t -> t.findElement(By.cssSelector(".transfer-name")).getText().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no transfer of " + name));
    }

    private static String transferText(Browser browser, String name) {
        return transfer(browser, name).findElement(By.cssSelector(".transfer-text")).getText();
    }

    private static String fileIdOf(Api user, String name) {
        return user.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("name").equals(name)).findFirst().orElseThrow().getString("fileId");
    }

    static void delete(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
