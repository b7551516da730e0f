package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a careless or hostile client sends: malformed JSON, bodies of the wrong type or size, numbers out
 * of range, junk ids, headers and content types, on every route. Every answer is a 4xx with a JSON
 * message of ours (no framework class, code or path), and the server keeps answering.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostileInputIT {

    /** Words that only a framework's own message would contain. */
    static final Pattern FRAMEWORK = Pattern.compile("RESTEASY|resteasy|org\\.jboss|jakarta\\.|java\\.|Exception|ExternalContext|Undertow|at org\\.");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private final Api admin = Api.suiteAdmin();

    /** Bodies no route can take: each is a 4xx everywhere. */
    static final List<String> MALFORMED_JSON = List.of("{", "hello", "[]", "42", "\uFEFF{\"x\"", "\"abc\"", "true", "null x");
    /** Objects with fields of the wrong type: a route that has the field refuses them, one that has not ignores it. */
    static final List<String> WRONG_TYPES = List.of("{\"username\":[\"a\"],\"password\":{}}", "{\"lossRate\":true}",
            "{\"delayMinMs\":\"abc\"}", "{\"name\":42,\"folderId\":[]}", "{\"quotaBytes\":1.5}", "{\"code\":{\"a\":1}}");

    /** Every route that takes a JSON body, with the method. */
    static final List<String[]> JSON_ROUTES = List.of(
            new String[]{"POST", "/api/auth/register"}, new String[]{"POST", "/api/auth/login"},
            new String[]{"POST", "/api/auth/login/otp"}, new String[]{"POST", "/api/auth/password"},
            new String[]{"POST", "/api/auth/enable-otp"}, new String[]{"POST", "/api/auth/confirm-otp"},
            new String[]{"POST", "/api/auth/disable-otp"}, new String[]{"POST", "/api/auth/backup-codes"},
            new String[]{"PUT", "/api/network/nodes/Node_01/link"}, new String[]{"PATCH", "/api/files/0000000000000000"},
            new String[]{"POST", "/api/folders"}, new String[]{"PUT", "/api/users/admin/quota"});

    @Test
    void malformedJsonIs400WithOurWordsOnEveryJsonRoute() {
        Api user = Api.suiteUser();
        for (String[] route : JSON_ROUTES) {
            for (String body : MALFORMED_JSON) {
                Api.Answer answer = user.raw(route[0], route[1], "application/json", body.getBytes(StandardCharsets.UTF_8));
                assertClean(answer, route[0] + " " + route[1] + " " + body);
                assertTrue(answer.status() >= 400 && answer.status() < 500, route[1] + " " + body + ": " + answer);
            }
            for (String body : WRONG_TYPES) {
                assertClean(user.raw(route[0], route[1], "application/json", body.getBytes(StandardCharsets.UTF_8)),
                        route[0] + " " + route[1] + " " + body);
            }
        }
        Api.Answer login = Api.suite().raw("POST", "/api/auth/login", "application/json", "{".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, login.status());
        assertEquals("INVALID", login.json().getString("error"));
        assertEquals("the body is not valid JSON; send a JSON object such as {\"username\":…,\"password\":…,\"lifetimeSeconds\":…}",
                login.json().getString("message"));
        Api.Answer array = Api.suite().raw("POST", "/api/auth/login", "application/json", "[]".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, array.status());
        assertTrue(array.json().getString("message").startsWith("the body must be a JSON object"), array.body());
        Api.Answer wrongType = Api.suite().raw("POST", "/api/auth/login", "application/json",
                "{\"username\":[\"a\"],\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("username must be a string", wrongType.json().getString("message"));
    }

    @Test
    void numbersOutOfRangeAreRefusedNeverCut() {
        String link = "/api/network/nodes/Node_01/link";
        String before = admin.get(link).body();
        try {
            assertRefused(admin.put(link, "{\"bandwidthBytesPerSecond\":99999999999999999999}"),
                    "bandwidthBytesPerSecond must be a whole number between -9223372036854775808 and 9223372036854775807");
            assertRefused(admin.put(link, "{\"bandwidthBytesPerSecond\":1.5}"),
                    "bandwidthBytesPerSecond must be a whole number between -9223372036854775808 and 9223372036854775807");
            assertRefused(admin.put(link, "{\"bandwidthBytesPerSecond\":-1}"), "bandwidthBytesPerSecond must be between 0 and 1099511627776");
            assertRefused(admin.put(link, "{\"bandwidthBytesPerSecond\":2000000000000}"), "bandwidthBytesPerSecond must be between 0 and 1099511627776");
            assertRefused(admin.put(link, "{\"delayMaxMs\":1.5}"), "delayMaxMs must be a whole number between -2147483648 and 2147483647");
            assertRefused(admin.put(link, "{\"delayMaxMs\":60001}"), "delayMaxMs must be between 0 and 60000");
            assertRefused(admin.put(link, "{\"lossRate\":true}"), "lossRate must be a number");
            assertRefused(admin.put(link, "{\"lossRate\":1}"), "lossRate must be a number from 0 up to (not including) 1");
            assertEquals(before, admin.get(link).body(), "a refused change changed nothing");
            Api.Answer limit = admin.get("/api/network/events?limit=abc");
            assertRefused(limit, "limit must be a whole number between 1 and 500");
            assertRefused(admin.get("/api/network/events?limit=0"), "limit must be a whole number between 1 and 500");
        } finally {
            admin.put(link, before);
        }
    }

    @Test
    void aBodyOver64KiBIs413BeforeItIsRead() throws Exception {
        // 100 MB announced, 1 KiB sent: the answer comes without the server waiting for (or holding) the rest.
        try (Socket socket = new Socket("localhost", Integer.getInteger("it.suite.http", 8180))) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 104857600\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[1024]);
            out.flush();
            String answer = new String(socket.getInputStream().readNBytes(200), StandardCharsets.ISO_8859_1);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
        // No Content-Length (chunked): cut off once it passes the limit.
        byte[] big = ("{\"username\":\"" + "a".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        Api.Answer chunked = Api.suite().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + Integer.getInteger("it.suite.http", 8180) + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));
        assertEquals(413, chunked.status(), chunked.body());
        assertEquals("TOO_LARGE", chunked.json().getString("error"));
        assertEquals(200, admin.get("/api/auth/me").status(), "the server still answers");
    }

    @Test
    void theProbesOtherFindingsAreClear4xx() {
        Api user = Api.suiteUser();
        Api.Answer noBody = user.raw("POST", "/api/auth/enable-otp", null, null);
        assertEquals(200, noBody.status(), "the body is optional: " + noBody.body());
        assertTrue(noBody.json().containsKey("secret"));

        Api.Answer unknown = user.get("/api/no/such/route/secret-path-123");
        assertEquals(404, unknown.status());
        assertFalse(unknown.body().contains("secret-path-123"), "the path is not echoed: " + unknown.body());

        String hugeId = "a".repeat(10_000);
        Api.Answer huge = user.get("/api/files/" + hugeId);
        assertEquals(404, huge.status());
        assertTrue(huge.body().length() < 300, "a huge id is not echoed whole: " + huge.body().length() + " characters");

        assertClean(user.raw("DELETE", "/api/network/topology", null, null), "wrong method");
        assertEquals(405, user.raw("DELETE", "/api/network/topology", null, null).status());
        Api.Answer text = user.raw("POST", "/api/folders", "text/plain", "name".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, text.status());
        assertClean(text, "text/plain");
        Api.Answer multipart = user.raw("POST", "/api/files/upload", "multipart/form-data; boundary=right",
                "--wrong\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\nabc".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, multipart.status(), multipart.body());
        assertClean(multipart, "broken multipart");
    }

    @Test
    void fuzzEveryRouteWithJunk() {
        Api anonymous = Api.suite();
        List<String> ids = List.of("%00", "..%2F..%2Fetc%2Fpasswd", "%F0%9F%98%80", "%E2%80%AE", "'%20OR%201=1--",
                "a".repeat(4000), "Node_01%0d%0aX-Injected:%201", "-1", "99999999999999999999");
        List<String[]> templates = List.of(new String[]{"GET", "/api/files/{}"}, new String[]{"DELETE", "/api/files/{}"},
                new String[]{"GET", "/api/files/download/{}"}, new String[]{"PATCH", "/api/files/{}"},
                new String[]{"GET", "/api/files/list?folder={}"}, new String[]{"DELETE", "/api/folders/{}"},
                new String[]{"GET", "/api/transfers/{}"}, new String[]{"GET", "/api/network/nodes/{}"},
                new String[]{"GET", "/api/network/nodes/{}/link"}, new String[]{"PUT", "/api/network/nodes/{}/link"},
                new String[]{"POST", "/api/network/nodes/{}/stop"}, new String[]{"POST", "/api/network/nodes/{}/start"},
                new String[]{"DELETE", "/api/auth/sessions/{}"}, new String[]{"PUT", "/api/users/{}/quota"},
                new String[]{"GET", "/api/network/events?limit={}"}, new String[]{"POST", "/api/files/upload?name={}&wait=maybe"});
        List<String> contentTypes = List.of("application/json", "text/plain", "application/xml", "garbage",
                "application/json; charset=latin1", "multipart/form-data", "application/octet-stream");
        List<String> authorizations = List.of("Bearer " + "x".repeat(3000), "Basic YWRtaW46YWRtaW4=", "Bearer", "Bearer \u00ff");
        int requests = 0;
        List<String> failures = new ArrayList<>();
        for (Api client : List.of(admin, anonymous)) {
            for (String[] template : templates) {
                for (String id : ids) {
                    String path = template[1].replace("{}", id);
                    byte[] body = template[0].equals("GET") || template[0].equals("DELETE") ? null
                            : "{\"x\":".getBytes(StandardCharsets.UTF_8);
                    check(client.raw(template[0], path, body == null ? null : "application/json", body),
                            template[0] + " " + path, failures);
                    requests++;
                }
            }
            for (String[] route : JSON_ROUTES) {
                for (String type : contentTypes) {
                    check(client.raw(route[0], route[1], type, "\u0000\u00ff{]".getBytes(StandardCharsets.ISO_8859_1)),
                            route[1] + " as " + type, failures);
                    requests++;
                }
            }
        }
        for (String authorization : authorizations) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:"
                    + Integer.getInteger("it.suite.http", 8180) + "/api/auth/me")).GET();
            try {
                request.header("Authorization", authorization);
            } catch (IllegalArgumentException notSendable) {
                continue;
            }
            Api.Answer answer = anonymous.send(request);
            check(answer, "Authorization: " + authorization.substring(0, Math.min(20, authorization.length())), failures);
            assertEquals(401, answer.status());
            requests++;
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + requests + " answers were not clean 4xx: " + failures);
        assertEquals(200, admin.get("/api/auth/me").status(), "the server still answers after " + requests + " requests");
        assertEquals(5, admin.get("/api/network/health").json().getInt("alive"), "no node was stopped by junk");
    }

    private static void check(Api.Answer answer, String what, List<String> failures) {
        if (answer.status() >= 500 || answer.status() < 400 && answer.status() != 200 && answer.status() != 204
                || FRAMEWORK.matcher(answer.body()).find()) {
            failures.add(what + " -> " + answer.status() + " " + answer.body().substring(0, Math.min(200, answer.body().length())));
        }
    }

    static void assertClean(Api.Answer answer, String what) {
        assertTrue(answer.status() < 500, what + ": " + answer);
        assertFalse(FRAMEWORK.matcher(answer.body()).find(), what + ": " + answer.body());
        if (answer.status() >= 400) {
            assertNotNull(answer.json().getString("message"), what);
            assertNotNull(answer.json().getString("error"), what);
        }
    }

    private static void assertRefused(Api.Answer answer, String message) {
        assertEquals(400, answer.status(), answer.body());
        assertEquals("INVALID", answer.json().getString("error"));
        assertEquals(message, answer.json().getString("message"));
    }

    static String read(InputStream in) throws java.io.IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
