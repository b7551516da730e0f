package org.p2pstorage.account.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    private final UserAgents agents = new UserAgents();

    @Test
    void namesTheBrowserAndTheSystem() {
        assertEquals("Chrome on Windows", agents.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Chromium (headless) on Linux", agents.describe("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36"
                + " (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36"));
        assertEquals("Firefox on macOS", agents.describe("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.5; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Safari on iOS", agents.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15"
                + " (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge on Windows", agents.describe("Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0"));
        assertEquals("curl", agents.describe("curl/8.5.0"));
        assertEquals("Unknown device", agents.describe(null));
    }
}
