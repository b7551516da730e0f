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
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real headless Chromium, as a user sees it: register and sign in, upload two files
 * with the upload button and watch the transfers reach 100%, every copy of every chunk spread over the
 * nodes, download identical bytes, a file uploaded meanwhile through the API appearing by itself with its
 * hostile name shown as text, delete, a folder made and a file moved into it, an ended session sent back
 * to sign-in; File details' own Download, Rename and Delete; a deep link kept through sign-in; two-step
 * verification turned on, its backup codes downloaded, the session's browser named; an admin told what
 * stopping a node would do before it is stopped, repair and scrubbing on the Network page, a download
 * the network cannot serve explained by the file's name; every page without serious axe-core violations
 * and without sideways scrolling on a phone. Screenshots of every page, wide and phone-sized, go to
 * target/screenshots.
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
        for (int n = 1; n <= 5; n++) {
            admin.put("/api/network/nodes/Node_0" + n + "/link",
                    "{\"bandwidthBytesPerSecond\":0,\"delayMinMs\":0,\"delayMaxMs\":1,\"lossRate\":0.01}");
        }
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
            browser.register(name);
            browser.signIn(name);

            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(photo + "\n" + notes);
            browser.until(d -> d.findElements(By.cssSelector(".transfer")).size() == 2
                    && d.findElements(By.cssSelector(".transfer-text")).stream()
                    .allMatch(t -> t.getText().contains("100.0%")), Duration.ofSeconds(60));
            List<String> progress = browser.driver.findElements(By.cssSelector(".transfer-text")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(progress.stream().anyMatch(p -> p.startsWith("5 / 5 chunks acknowledged")), progress.toString());
            browser.until(d -> rowOf(browser, "holiday-photo.jpg").getText().contains("healthy")
                    && rowOf(browser, "notes.txt").getText().contains("healthy"));

            Api sameUser = Api.suite().withToken(Api.suite().login(name, Api.PASSWORD).json().getString("token"));
            assertEquals(201, sameUser.upload(HOSTILE, new RandomContent(1000, 53), true).status());
            browser.until(d -> rowOf(browser, HOSTILE).getText().contains("healthy"));
            assertTrue(browser.text().contains(HOSTILE), "the hostile name shows as text");
            assertTrue(browser.driver.findElements(By.cssSelector("main img[src='x']")).isEmpty(), "no element from a file name");
            assertNoAlert(browser);
            browser.screenshot("drive");

            browser.click(By.linkText("holiday-photo.jpg"));
            browser.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#chunkMap .chunk")));
            assertEquals(5, browser.driver.findElements(By.cssSelector("#chunkMap .chunk")).size());
            List<List<String>> chunks = copiesByChunk(browser);
            assertEquals(10, chunks.stream().mapToInt(List::size).sum(), "two copies of each of the five chunks");
            assertTrue(chunks.stream().allMatch(c -> Set.copyOf(c).size() == 2), "a chunk's copies are on distinct nodes: " + chunks);
            assertTrue(browser.find(By.id("sha256")).getText().equals(photoContent.sha256()));
            assertTrue(browser.find(By.id("chunkHealth")).getText().startsWith("5 healthy"));
            assertEquals("holiday-photo.jpg · p2p Drive", browser.driver.getTitle());
            browser.screenshot("file-details");
            List<String> holders = copiesByChunk(browser).stream().flatMap(List::stream).toList();
            String first = holders.get(0);
            long elsewhere = holders.stream().filter(n -> !n.equals(first)).count();
            browser.click(d -> d.findElements(By.cssSelector(".node-legend")).stream()
                    .filter(b -> b.getText().startsWith(first)).findFirst().orElseThrow());
            browser.until(d -> d.findElements(By.cssSelector("#chunkMap .copy-cell.dim")).size() == elsewhere);

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
            browser.find(By.cssSelector(".folder-row .folder-link"));
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


            sameUser.delete("/api/auth/sessions");
            browser.go("/catalog/drive.xhtml");
            browser.until(ExpectedConditions.urlContains("signin.xhtml?expired=true"));
            assertTrue(browser.text().contains("Your session has expired"), browser.text());
        }
    }

    @Test
    void fileDetailsHaveTheirOwnActionsAndADeepLinkSurvivesSignIn() throws Exception {
        Api user = Api.suiteUser();
        RandomContent content = new RandomContent(140_000, 54);
        String fileId = user.upload("budget.xlsx", content, true).json().getString("fileId");
        try (Browser browser = Browser.open()) {
            browser.go("/catalog/file.xhtml?id=" + fileId);
            browser.signIn(user.username(), Api.PASSWORD, "/catalog/file.xhtml?id=" + fileId);
            assertEquals("budget.xlsx", browser.find(By.id("file:name")).getText());
            assertEquals("budget.xlsx · p2p Drive", browser.driver.getTitle());
            assertEquals("3 chunks of up to 64.00 KB each", browser.find(By.id("chunks")).getText());

            browser.click(By.id("file:download"));
            Path downloaded = browser.downloads.resolve("budget.xlsx");
            browser.until(d -> Files.exists(downloaded) && sizeOf(downloaded) == content.size(), Duration.ofSeconds(30));
            assertEquals(content.sha256(), sha256(downloaded));

            browser.click(By.id("file:rename"));
            browser.type(By.id("renameForm:newName"), "budget 2027.xlsx");
            browser.find(By.id("renameForm:newName")).sendKeys(Keys.ENTER);
            browser.until(d -> browser.find(By.id("file:name")).getText().equals("budget 2027.xlsx"));
            assertEquals("budget 2027.xlsx", user.get("/api/files/" + fileId).json().getString("name"));

            browser.click(By.id("file:delete"));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.until(ExpectedConditions.urlContains("/catalog/drive.xhtml"));
            browser.until(d -> browser.text().contains("Budget 2027.xlsx deleted"));
            assertEquals(404, user.get("/api/files/" + fileId).status());
        } finally {
            user.delete("/api/files/" + fileId);
        }
    }

    @Test
    void sshKeysAreAddedGeneratedAndRemovedOnTheSecurityPage(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        Api user = Api.suite().signedUp("keys");
        user.token();
        Path key = OpenSsh.newKey(folder, "id_portal");
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(user.username());
            browser.click(By.id("navSecurity"));
            assertTrue(browser.find(By.id("sshKeys:keyTable")).getText().contains("No SSH keys yet"));

            browser.type(By.id("sshKeys:keyName"), "laptop");
            browser.type(By.id("sshKeys:publicKey"), Files.readString(folder.resolve("id_portal.pub")).strip());
            browser.click(By.id("sshKeys:addKey"));
            browser.until(d -> d.findElement(By.id("sshKeys:keyTable")).getText().contains("laptop"));
            assertTrue(browser.find(By.id("sshKeys:keyTable")).getText().contains("SHA256:"));
            String fingerprint = user.get("/api/auth/ssh-keys").array().getJsonObject(0).getString("fingerprint");
            browser.phone();
            assertTrue(browser.find(By.id("sshKeys:keyTable")).getText().replaceAll("\\s", "").contains(fingerprint),
                    "the whole fingerprint shows on a phone");
            assertEquals(Boolean.TRUE, browser.script("""
                    var code = document.querySelector('.key-fingerprint code');
                    var shown = code.getBoundingClientRect(), cell = code.closest('td').getBoundingClientRect();
                    return shown.right <= cell.right + 1 && shown.right <= window.innerWidth && code.scrollWidth <= code.clientWidth + 1;
                    """), "the fingerprint wraps inside its cell instead of being cut");
            assertEquals(Boolean.TRUE, browser.script("""
                    return Array.from(document.querySelectorAll('[id="sshKeys:keyMessages"] span'))
                      .every(function (s) { return s.getBoundingClientRect().right <= window.innerWidth; });
                    """), "the message that names the fingerprint wraps too");
            browser.screenshot("ssh-keys-phone");
            browser.wide();

            browser.type(By.id("sshKeys:publicKey"), "ssh-ed25519 not-a-key");
            browser.type(By.id("sshKeys:keyName"), "broken");
            browser.click(By.id("sshKeys:addKey"));
            browser.until(d -> !d.findElement(By.id("sshKeys:keyMessages")).getText().isBlank());
            assertFalse(browser.find(By.id("sshKeys:keyTable")).getText().contains("broken"), "an invalid key is refused with a reason");

            browser.type(By.id("sshKeys:generatedName"), "made-here");
            browser.click(By.id("sshKeys:generateKey"));
            String privateKey = browser.find(By.id("privateKey")).getText();
            assertTrue(privateKey.startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"), privateKey);
            browser.screenshot("ssh-keys");
            Path saved = OpenSsh.privateKey(folder, "id_made", privateKey.strip() + "\n");
            assertEquals(0, OpenSsh.ssh(saved, user.username(), "ls").exit(), "the generated key signs in");
            assertEquals(0, OpenSsh.ssh(key, user.username(), "ls").exit(), "the added key signs in");
            assertEquals(2, user.get("/api/auth/ssh-keys").array().size());

            browser.click(d -> d.findElements(By.cssSelector("#sshKeys\\:keyTable tbody tr")).stream()
                    .filter(r -> r.getText().contains("laptop")).findFirst().orElseThrow()
                    .findElement(By.cssSelector(".remove-key")));
            browser.click(By.cssSelector(".ui-confirmdialog-yes"));
            browser.until(d -> !d.findElement(By.id("sshKeys:keyTable")).getText().contains("laptop"));
            assertEquals(1, user.get("/api/auth/ssh-keys").array().size());
            assertEquals(255, OpenSsh.ssh(key, user.username(), "ls").exit(), "a removed key no longer signs in");
        }
    }

    @Test
    void turnOnTwoStepVerificationAndSignInWithACode() throws Exception {
        String name = Api.uniqueName("totp");
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.register(name);
            browser.signIn(name);

            browser.click(By.id("navSecurity"));
            assertTrue(browser.find(By.id("security:sessions")).getText().contains("Chromium (headless) on Linux"),
                    "the session's browser is named, not its raw user agent");
            browser.click(By.id("security:enableApp"));
            String secret = browser.find(By.id("otpSecret")).getText().strip();
            assertTrue(browser.driver.findElement(By.cssSelector(".qr img")).getAttribute("src").startsWith("data:image/png;base64,"));
            long step = TwoFactorIT.step(Instant.now());
            browser.type(By.id("security:confirmCode"), TwoFactorIT.totp(TwoFactorIT.base32(secret), step));
            browser.click(By.id("security:confirm"));
            browser.until(d -> d.findElements(By.cssSelector("#backupCodes li")).size() == 10);
            assertEquals("APP", browser.find(By.id("secondFactor")).getText());
            browser.screenshot("security");
            List<String> codes = browser.driver.findElements(By.cssSelector("#backupCodes li")).stream().map(WebElement::getText).toList();
            browser.click(By.id("security:downloadCodes"));
            Path file = browser.downloads.resolve("p2p-storage-backup-codes.txt");
            browser.until(d -> Files.exists(file) && sizeOf(file) > 0, Duration.ofSeconds(15));
            assertTrue(Files.readAllLines(file).containsAll(codes), "the downloaded file has the ten codes");
            assertTrue(browser.find(By.id("security:copyCodes")).isDisplayed());

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

            browser.go("/mail/outbox.xhtml");
            assertTrue(browser.find(By.id("outbox:refused")).getText().contains("Only admins"), "the outbox refuses, plainly");
            browser.go("/network/storage.xhtml");
            assertTrue(browser.find(By.id("mine")).getText().startsWith("0 B in 0 files"), browser.find(By.id("mine")).getText());
        }
    }

    @Test
    void anAdminSeesWhatStoppingANodeWouldDoThenStopsItAndChangesALink() throws Exception {
        Api admin = Api.suiteAdmin();
        String fileId = admin.upload("evidence.bin", new RandomContent(200_000, 55), true).json().getString("fileId");
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.signIn(Api.ADMIN);
            browser.click(By.id("navNetwork"));
            browser.find(By.id("network:repair"));
            browser.find(By.id("network:scrub"));
            String holder = admin.copies(fileId).get(0).node();
            browser.click(d -> nodeRow(browser, holder).findElement(By.cssSelector(".stop-node")));
            String whatIf = browser.find(By.id("stopForm:whatIf")).getText();
            assertTrue(whatIf.startsWith("If it died:") && whatIf.contains("0 files would become unavailable")
                    && whatIf.contains("degraded"), whatIf);
            browser.screenshot("network-stop");
            browser.click(By.id("stopForm:confirmStop"));
            browser.until(d -> {
                String text = nodeRow(browser, holder).getText();
                return text.contains("STOPPED") && text.contains("dead") && text.contains("down since");
            });
            browser.until(d -> browser.find(By.id("network:durability")).getText().contains(holder));
            browser.click(By.id("network:healthCheck"));
            browser.until(d -> nodeRow(browser, holder).getText().contains("no answer to the last check"), Duration.ofSeconds(15));
            String other = holder.equals("Node_01") ? "Node_02" : "Node_01";
            browser.until(d -> nodeRow(browser, other).getText().contains("answered the last check"));
            browser.click(By.id("network:scrubNow"));
            browser.until(d -> browser.text().contains("A scrub pass started"));
            browser.screenshot("network");
            browser.click(d -> nodeRow(browser, holder).findElement(By.cssSelector(".start-node")));
            browser.until(d -> !nodeRow(browser, holder).getText().contains("STOPPED"));

            browser.click(d -> nodeRow(browser, "Node_02").findElement(By.cssSelector(".edit-link")));
            browser.type(By.id("linkForm:bandwidth_input"), "128");
            browser.type(By.id("linkForm:delayMax_input"), "20");
            browser.click(By.id("linkForm:saveLink"));
            browser.until(d -> nodeRow(browser, "Node_02").getText().contains("128 KiB/s, 0–20 ms"));
            assertEquals(131072, admin.get("/api/network/nodes/Node_02/link").json()
                    .getJsonNumber("bandwidthBytesPerSecond").longValue());

            Api someone = Api.suiteUser();
            someone.get("/api/auth/me");
            browser.click(By.id("navUsers"));
            browser.click(d -> userRow(browser, someone.username()).findElement(By.cssSelector(".change-quota")));
            browser.type(By.id("quotaForm:quota"), "5GB");
            browser.click(By.id("quotaForm:saveQuota"));
            browser.until(d -> userRow(browser, someone.username()).getText().contains("5.00 GB"));
            assertEquals(5L * 1024 * 1024 * 1024, someone.get("/api/auth/me").json().getJsonNumber("quotaBytes").longValue(),
                    "the admin changed the user's quota in the portal");

            Set<String> holders = admin.copies(fileId).stream().filter(c -> c.index() == 0).map(Api.Copy::node)
                    .collect(Collectors.toSet());
            holders.forEach(node -> admin.post("/api/network/nodes/" + node + "/stop"));
            browser.go("/catalog/drive.xhtml");
            browser.until(d -> rowOf(browser, "evidence.bin").getText().contains("unavailable"));
            browser.click(d -> rowOf(browser, "evidence.bin").findElement(By.cssSelector(".download")));
            browser.until(d -> browser.find(By.id("drive:errors")).getText()
                    .contains("“evidence.bin” cannot be downloaded: every copy of a part of it is on a stopped node"));
        } finally {
            restoreTheNetwork();
            admin.delete("/api/files/" + fileId);
        }
    }

    @Test
    void everyPageReadsWellWideAndOnAPhone() throws Exception {
        Api admin = Api.suiteAdmin();
        String longName = "l".repeat(250) + ".bin";
        String fileId = admin.upload("report.pdf", new RandomContent(90_000, 56), true).json().getString("fileId");
        Path folder = Files.createTempDirectory("portal-long-");
        Path longFile = Files.write(folder.resolve(longName), new RandomContent(20_000, 57).bytes());
        try (Browser browser = Browser.open()) {
            browser.go("/");
            browser.find(By.id("signin:username"));
            assertEquals(List.of(), browser.accessibilityViolations(), "sign-in");
            browser.phone();
            assertFalse(browser.scrollsSideways(), "sign-in scrolls sideways on a phone");
            browser.screenshot("signin-phone");
            browser.wide();
            browser.signIn(Api.ADMIN);
            browser.driver.findElement(By.id("drive:upload_input")).sendKeys(longFile.toString());
            browser.until(d -> rowOf(browser, longName).getText().contains("healthy"));
            for (String[] page : new String[][]{{"drive", "/catalog/drive.xhtml"}, {"file-details", "/catalog/file.xhtml?id=" + fileId},
                    {"network", "/network/network.xhtml"}, {"storage", "/network/storage.xhtml"},
                    {"security", "/account/security.xhtml"}, {"outbox", "/mail/outbox.xhtml"}, {"users", "/account/users.xhtml"}}) {
                browser.wide();
                browser.go(page[1]);
                browser.find(By.cssSelector(".portal-main h1, .portal-main .breadcrumb"));
                assertEquals(List.of(), browser.accessibilityViolations(), page[0]);
                assertFalse(browser.scrollsSideways(), page[0] + " scrolls sideways");
                browser.screenshot(page[0] + "-wide");
                browser.phone();
                browser.go(page[1]);
                browser.find(By.cssSelector(".portal-main h1, .portal-main .breadcrumb"));
                assertFalse(browser.scrollsSideways(), page[0] + " scrolls sideways on a phone");
                browser.screenshot(page[0] + "-phone");
            }
        } finally {
            DriveIT.delete(folder);
            admin.delete("/api/files/" + fileId);
            admin.get("/api/files/list").array().getValuesAs(JsonObject.class).stream()
                    .filter(f -> f.getString("name").equals(longName)).forEach(f -> admin.delete("/api/files/" + f.getString("fileId")));
        }
    }

    private static WebElement rowOf(Browser browser, String fileName) {
        return browser.find(By.id("drive:files")).findElements(By.cssSelector("tr")).stream()
                .filter(r -> r.getText().contains(fileName)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no row for " + fileName));
    }

    /** The nodes of every copy, chunk by chunk, read at once (the map may be drawn again meanwhile). */
    @SuppressWarnings("unchecked")
    private static List<List<String>> copiesByChunk(Browser browser) {
        return (List<List<String>>) browser.script("return Array.from(document.querySelectorAll('#chunkMap .chunk'))"
                + ".map(function (chunk) { return Array.from(chunk.querySelectorAll('.copy-cell'))"
                + ".map(function (copy) { return copy.getAttribute('data-node'); }); });");
    }

    private static WebElement userRow(Browser browser, String username) {
        return browser.find(By.id("users:accounts")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(username)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no row for " + username));
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
