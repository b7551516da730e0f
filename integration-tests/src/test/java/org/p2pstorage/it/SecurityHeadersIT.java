package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a browser is told on every page and API answer: no framing, no sniffing, no caching of secrets. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityHeadersIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api anonymous = Api.suite();

    @Test
    void everyPageAndApiAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/account/signin.xhtml", "/api/auth/me", "/api/no-such-route", "/no-such-page.html")) {
            Api.Answer answer = anonymous.get(path);
            String csp = answer.header("Content-Security-Policy");
            assertNotNull(csp, path);
            assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'")
                    && csp.contains("object-src 'none'"), path + ": " + csp);
            assertEquals("DENY", answer.header("X-Frame-Options"), path);
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", answer.header("Referrer-Policy"), path);
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        Api.Answer page = anonymous.get("/account/signin.xhtml");
        assertEquals(200, page.status());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase().contains("samesite=lax"), cookie);
    }

    @Test
    void answersWithTokensOrCodesAreNeverStored() {
        Api user = Api.suiteUser();
        user.get("/api/auth/me");
        Api.Answer signedIn = Api.suite().login(user.username(), Api.PASSWORD);
        assertEquals(200, signedIn.status(), signedIn.body());
        assertEquals("no-store", signedIn.header("Cache-Control"));
        assertEquals("no-store", Api.suite().login(user.username(), "not the password").header("Cache-Control"));
        Api.Answer setup = user.post("/api/auth/enable-otp");
        assertEquals(200, setup.status(), setup.body());
        assertEquals("no-store", setup.header("Cache-Control"));
    }

    @Test
    void anUnknownPageIsThePortalsOwn404() {
        Api.Answer page = anonymous.get("/no-such-page.html");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("There is no such page"), page.body());
        assertFalse(HostileInputIT.FRAMEWORK.matcher(page.body()).find(), page.body());
    }

    @Test
    void theOpenApiDocumentIsNotSharedWithCredentials() {
        Api.Answer openapi = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + Integer.getInteger("it.suite.http", 8180) + "/openapi")).header("Origin", "https://evil.example").GET());
        assertEquals(200, openapi.status());
        boolean wildcard = "*".equals(openapi.header("Access-Control-Allow-Origin"));
        boolean credentials = "true".equalsIgnoreCase(openapi.header("Access-Control-Allow-Credentials"));
        assertFalse(wildcard && credentials, "a wildcard origin with credentials: " + openapi.headers());
    }
}
