package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real headless Chromium, as a user sees it: register and sign in, upload two files
 * with the upload button and watch the transfers reach 100%, the chunk map spread over several nodes,
 * download identical bytes, a file uploaded meanwhile through the API appearing by itself with its
 * hostile name shown as text, delete, a folder made and a file moved into it, My Drive on a narrow
 * window, an ended session sent back to sign-in; two-step verification turned on from the secret beside
 * the QR code and used to sign in; an admin stopping a node and seeing it DEAD, and changing a node's
 * link. Screenshots of every main page go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PortalIT {

    private static final String HOSTILE = "<img src=x onerror=alert(1)>.txt";

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void restoreTheNetwork() {
        Api admin = Api.suiteAdmin();
        for (int n = 1; n <= 5; n++) {
            admin.post("/api/network/nodes/Node_0" + n + "/start");
        }
        admin.put("/api/network/nodes/Node_02/link",
                "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
    }

    @Test
    void uploadFollowMapDownloadAndDeleteFiles() throws Exception {
        String name = Api.uniqueName("web");
        Path folder = Files.createTempDirectory("portal-upload-");
        RandomContent photoContent = new RandomContent(300_000, 51);
        Path photo = Files.write(folder.resolve("holiday-photo.jpg"), photoContent.bytes());
        Path notes = Files.write(folder.resolve("notes.txt"), new RandomContent(70_000, 52).bytes());
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.find(By.id("signin:username"));
            browser.screenshot("signin");
            register(browser, name);
            signIn(browser, name, Api.PASSWORD);

            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(photo + "\n" + notes);
            browser.until(d -> d.findElements(By.cssSelector(".transfer")).size() == 2
                    && d.findElements(By.cssSelector(".transfer-text")).stream()
                    .allMatch(t -> t.getText().contains("100.0%")), Duration.ofSeconds(60));
            List<String> progress = browser.driver.findElements(By.cssSelector(".transfer-text")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(progress.stream().anyMatch(p -> p.startsWith("5 / 5 chunks acknowledged")), progress.toString());
            browser.until(d -> rowOf(browser, "holiday-photo.jpg").getText().contains("available")
                    && rowOf(browser, "notes.txt").getText().contains("available"));

            Api sameUser = Api.suite().withToken(Api.suite().login(name, Api.PASSWORD).json().getString("token"));
            assertEquals(201, sameUser.upload(HOSTILE, new RandomContent(1000, 53), true).status());
            browser.until(d -> rowOf(browser, HOSTILE).getText().contains("available"));
            assertTrue(browser.text().contains(HOSTILE), "the hostile name shows as text");
            assertTrue(browser.driver.findElements(By.cssSelector("main img[src='x']")).isEmpty(), "no element from a file name");
            assertNoAlert(browser);
            browser.screenshot("drive");

            browser.click(By.linkText("holiday-photo.jpg"));
            browser.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#chunkMap .chunk")));
            List<WebElement> cells = browser.driver.findElements(By.cssSelector("#chunkMap .chunk"));
            assertEquals(5, cells.size());
            Set<String> nodes = cells.stream().map(c -> c.getAttribute("data-node")).collect(Collectors.toSet());
            assertTrue(nodes.size() >= 2, "chunks on several nodes: " + nodes);
            assertTrue(browser.find(By.id("sha256")).getText().equals(photoContent.sha256()));
            browser.screenshot("file-details");
            String first = cells.get(0).getAttribute("data-node");
            long elsewhere = cells.stream().filter(c -> !c.getAttribute("data-node").equals(first)).count();
            browser.driver.findElements(By.cssSelector(".node-legend")).stream()
                    .filter(b -> b.getText().startsWith(first)).findFirst().orElseThrow().click();
            browser.until(d -> d.findElements(By.cssSelector("#chunkMap .chunk.dim")).size() == elsewhere);

            browser.click(By.id("navDrive"));
            browser.click(d -> rowOf(browser, "holiday-photo.jpg").findElement(By.cssSelector(".download")));
            Path downloaded = browser.downloads.resolve("holiday-photo.jpg");
            browser.until(d -> Files.exists(downloaded) && sizeOf(downloaded) == photoContent.size(), Duration.ofSeconds(30));
            assertEquals(photoContent.sha256(), sha256(downloaded));

            browser.click(d -> rowOf(browser, "holiday-photo.jpg").findElement(By.cssSelector(".delete")));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.until(d -> !browser.find(By.id("drive:files")).getText().contains("holiday-photo.jpg"));
            assertTrue(browser.find(By.id("drive:files")).getText().contains(HOSTILE));

            browser.click(By.id("drive:newFolder"));
            browser.type(By.id("folderForm:folderName"), "Trips");
            browser.click(By.id("folderForm:createFolder"));
            browser.find(By.partialLinkText("Trips"));
            browser.click(d -> rowOf(browser, "notes.txt").findElement(By.cssSelector(".ui-chkbox-box")));
            browser.until(d -> d.findElement(By.id("drive:moveSelected")).isEnabled());
            browser.click(By.id("drive:moveSelected"));
            browser.click(By.id("moveForm:target"));
            browser.click(By.cssSelector("li.ui-selectonemenu-item[data-label='Trips']"));
            browser.click(By.id("moveForm:move"));
            browser.until(d -> !browser.find(By.id("drive:files")).getText().contains("notes.txt"));
            browser.click(By.partialLinkText("Trips"));
            browser.until(ExpectedConditions.urlContains("folder="));
            browser.until(d -> browser.find(By.id("drive:files")).getText().contains("notes.txt"));
            assertTrue(browser.find(By.id("breadcrumb")).getText().contains("My Drive"));
            assertTrue(browser.find(By.id("breadcrumb")).getText().contains("Trips"));
            assertFalse(browser.find(By.id("drive:files")).getText().contains(HOSTILE), "other folders' files stay out");

            browser.driver.manage().window().setSize(new Dimension(420, 800));
            browser.go("/catalog/drive.xhtml");
            assertTrue(browser.find(By.id("navNetwork")).isDisplayed(), "the navigation stays on a narrow window");
            assertTrue(browser.find(By.id("drive:files")).getText().contains(HOSTILE));
            browser.screenshot("drive-narrow");
            browser.driver.manage().window().setSize(new Dimension(1280, 800));

            sameUser.delete("/api/auth/sessions");
            browser.go("/catalog/drive.xhtml");
            browser.until(ExpectedConditions.urlContains("signin.xhtml?expired=true"));
            assertTrue(browser.text().contains("Your session has expired"), browser.text());
        }
    }

    @Test
    void turnOnTwoStepVerificationAndSignInWithACode() throws Exception {
        String name = Api.uniqueName("totp");
        try (Browser browser = Browser.open()) {
            browser.go("/");
            register(browser, name);
            signIn(browser, name, Api.PASSWORD);

            browser.click(By.id("navSecurity"));
            browser.click(By.id("security:enableApp"));
            String secret = browser.find(By.id("otpSecret")).getText().strip();
            assertTrue(browser.driver.findElement(By.cssSelector(".qr img")).getAttribute("src").startsWith("data:image/png;base64,"));
            long step = TwoFactorIT.step(Instant.now());
            browser.type(By.id("security:confirmCode"), TwoFactorIT.totp(TwoFactorIT.base32(secret), step));
            browser.click(By.id("security:confirm"));
            browser.until(d -> d.findElements(By.cssSelector("#backupCodes li")).size() == 10);
            assertEquals("APP", browser.find(By.id("secondFactor")).getText());
            browser.screenshot("security");

            browser.click(By.id("userMenu:user"));
            browser.click(By.xpath("//span[text()='Sign out']"));
            browser.until(ExpectedConditions.urlContains("signedOut=true"));
            browser.type(By.id("signin:username"), name);
            browser.type(By.id("signin:password"), Api.PASSWORD);
            browser.click(By.id("signin:signInButton"));
            browser.type(By.id("signin:code"), TwoFactorIT.totp(TwoFactorIT.base32(secret), step + 1));
            browser.click(By.id("signin:verifyButton"));
            browser.until(ExpectedConditions.urlContains("/catalog/drive.xhtml"));
            assertEquals(name, browser.find(By.id("userMenu:user")).getText().strip());
        }
    }

    @Test
    void anAdminStopsANodeSeesItDeadAndChangesALink() throws Exception {
        assertEquals(200, Api.suiteAdmin().get("/api/auth/me").status());
        try (Browser browser = Browser.open()) {
            browser.go("/");
            signIn(browser, Api.ADMIN, Api.PASSWORD);
            browser.click(By.id("navNetwork"));
            browser.click(d -> nodeRow(browser, "Node_04").findElement(By.cssSelector(".stop-node")));
            browser.until(d -> {
                String text = nodeRow(browser, "Node_04").getText();
                return text.contains("STOPPED") && text.contains("DEAD");
            });
            browser.click(By.id("network:healthCheck"));
            browser.until(d -> nodeRow(browser, "Node_04").getText().contains("check: DEAD"), Duration.ofSeconds(15));
            assertTrue(nodeRow(browser, "Node_01").getText().contains("check: ALIVE"));
            browser.screenshot("network");
            browser.click(d -> nodeRow(browser, "Node_04").findElement(By.cssSelector(".start-node")));
            browser.until(d -> !nodeRow(browser, "Node_04").getText().contains("STOPPED"));

            browser.click(d -> nodeRow(browser, "Node_02").findElement(By.cssSelector(".edit-link")));
            browser.type(By.id("linkForm:bandwidth_input"), "128");
            browser.type(By.id("linkForm:delayMax_input"), "20");
            browser.click(By.id("linkForm:saveLink"));
            browser.until(d -> nodeRow(browser, "Node_02").getText().contains("128 KiB/s, 0–20 ms"));
            assertEquals(131072, Api.suiteAdmin().get("/api/network/nodes/Node_02/link").json()
                    .getJsonNumber("bandwidthBytesPerSecond").longValue());

            browser.click(By.id("navStorage"));
            browser.find(By.id("totals"));
            browser.screenshot("storage");
            browser.click(By.id("navOutbox"));
            browser.find(By.id("outbox:mails"));
            browser.screenshot("outbox");
        }
    }

    private static void register(Browser browser, String name) {
        browser.click(By.id("signin:toggle"));
        browser.find(By.id("signin:email"));
        browser.type(By.id("signin:username"), name);
        browser.type(By.id("signin:email"), name + "@p2p.test");
        browser.type(By.id("signin:password"), Api.PASSWORD);
        browser.click(By.id("signin:registerButton"));
        browser.until(d -> browser.text().contains("Account " + name + " created"));
    }

    private static void signIn(Browser browser, String name, String password) {
        browser.type(By.id("signin:username"), name);
        browser.type(By.id("signin:password"), password);
        browser.click(By.id("signin:signInButton"));
        browser.until(ExpectedConditions.urlContains("/catalog/drive.xhtml"));
    }

    private static WebElement rowOf(Browser browser, String fileName) {
        return browser.find(By.id("drive:files")).findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains(fileName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no row for " + fileName));
    }

    private static WebElement nodeRow(Browser browser, String node) {
        return browser.find(By.id("network:nodes")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(node)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no row for " + node));
    }

    private static void assertNoAlert(Browser browser) {
        try {
            browser.driver.switchTo().alert();
            throw new AssertionError("a file name ran as script");
        } catch (NoAlertPresentException expected) {
            assertFalse(browser.text().isEmpty());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
