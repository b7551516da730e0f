package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The application's figures on the server's Prometheus endpoint (management port, {@code /prometheus}), as an
 * operator's scraper reads them: an upload moves the chunk counters by exactly its copies, and the per-link,
 * repair and scrub meters are there.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {

    private static final URI ENDPOINT = URI.create("http://localhost:"
            + (9990 + Integer.getInteger("it.suite.offset", 100)) + "/prometheus");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void anUploadMovesTheChunkCountersByItsCopies() throws Exception {
        Api alice = Api.suiteUser();
        String before = scrape();
        RandomContent content = new RandomContent(5 * 65536 + 100, 41);

        Api.Answer uploaded = alice.upload("counted.bin", content, true);
        assertEquals(201, uploaded.status(), uploaded.body());
        String fileId = uploaded.json().getString("fileId");
        try {
            String after = scrape();
            int copies = 6 * 2;
            assertEquals(copies, value(after, "p2p_chunks_sent_total", "purpose=\"upload\"")
                    - value(before, "p2p_chunks_sent_total", "purpose=\"upload\""), "six chunks in two copies each");
            assertEquals(2.0 * content.size(), value(after, "p2p_chunk_bytes_sent_total", "purpose=\"upload\"")
                    - value(before, "p2p_chunk_bytes_sent_total", "purpose=\"upload\""), "every byte twice");
            assertTrue(value(after, "p2p_chunks_acknowledged_total", "outcome=\"stored\"")
                    - value(before, "p2p_chunks_acknowledged_total", "outcome=\"stored\"") >= copies,
                    "the file is AVAILABLE, so every copy was acknowledged");
            double linkBefore = value(before, "p2p_link_received_bytes_total", "interface=\"Node_");
            double linkAfter = value(after, "p2p_link_received_bytes_total", "interface=\"Node_");
            for (int scrape = 0; scrape < 50 && linkAfter - linkBefore < 2.0 * content.size(); scrape++) {
                Thread.sleep(100); // the link meters read a report at most a second old
                linkAfter = value(scrape(), "p2p_link_received_bytes_total", "interface=\"Node_");
            }
            assertTrue(linkAfter - linkBefore >= 2.0 * content.size(),
                    "the nodes' links received both copies of every byte: " + (linkAfter - linkBefore));

            alice.download(fileId);
            assertEquals(content.size(), value(scrape(), "p2p_download_bytes_total", null)
                    - value(after, "p2p_download_bytes_total", null), "the download read each chunk once");
        } finally {
            alice.delete("/api/files/" + fileId);
        }
    }

    @Test
    void repairScrubAndTransferMetersAreServed() throws Exception {
        String text = scrape();
        for (String meter : new String[]{"p2p_transfers_in_flight", "p2p_nodes_alive", "p2p_repair_chunks_at_risk",
                "p2p_repair_copies_missing", "p2p_repair_bytes_to_move", "p2p_scrub_chunks_verified_total",
                "p2p_scrub_pass_progress", "p2p_chunks_retransmitted_total", "p2p_link_throughput_bytes_per_second"}) {
            assertTrue(text.contains("\n" + meter), meter + " is served");
        }
        assertEquals(5, value(text, "p2p_nodes_alive", null), "the suite's five nodes");
    }

    private static String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(ENDPOINT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of a meter's line (with a label, or without when {@code label} is null); 0 when absent. */
    private static double value(String text, String name, String label) {
        Matcher lines = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})? (\\S+)$").matcher(text);
        double sum = 0;
        while (lines.find()) {
            if (label == null || (lines.group(1) != null && lines.group(1).contains(label))) {
                sum += Double.parseDouble(lines.group(2));
            }
        }
        return sum;
    }
}
