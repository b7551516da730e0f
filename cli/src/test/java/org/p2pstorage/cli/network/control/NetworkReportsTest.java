package org.p2pstorage.cli.network.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.p2pstorage.cli.api.control.ApiClient;

class NetworkReportsTest {

    static final JsonObject TOPOLOGY = (JsonObject) ApiClient.parse("""
            {"network":"P2P_Storage_Network","subnet":"192.168.1.0/24","nodes":[
             {"id":"Node_01","address":"192.168.1.2","state":"READY","peers":["Node_02"]},
             {"id":"Node_02","address":"192.168.1.3","state":"STOPPED","peers":["Node_01"]}]}""");
    static final JsonArray NODES = (JsonArray) ApiClient.parse("""
            [{"id":"Node_01","address":"192.168.1.2","state":"READY","health":"ALIVE","capacityBytes":10737418240,
              "usedBytes":2684354560,"availableBytes":8053063680,"utilizationPercent":25.0,"segments":8},
             {"id":"Node_02","address":"192.168.1.3","state":"STOPPED","health":"DEAD","capacityBytes":10737418240,
              "usedBytes":0,"availableBytes":10737418240,"utilizationPercent":0.0,"segments":0}]""");

    @Test
    void nodesLookLikeTheSeed() {
        List<String> lines = NetworkReports.nodes(TOPOLOGY, NODES).lines().toList();
        assertEquals("Network: P2P_Storage_Network (192.168.1.0/24)", lines.get(0));
        assertEquals("─".repeat(57), lines.get(1));
        assertEquals("Node ID         IP Address      Status     Storage             Files", lines.get(2));
        assertEquals("Node_01         192.168.1.2     ALIVE      2.50GB / 10.00GB    8", lines.get(4));
        assertEquals("Node_02         192.168.1.3     STOPPED    0B / 10.00GB        0", lines.get(5));
        assertEquals(lines.get(2).indexOf("Files"), lines.get(4).lastIndexOf("8"), "columns line up");
    }

    @Test
    void healthLooksLikeTheSeed() {
        JsonObject health = (JsonObject) ApiClient.parse("""
                {"Node_01":"ALIVE","Node_02":"DEAD","alive":1,"dead":1,"total":2}""");
        List<String> lines = NetworkReports.health(health).lines().toList();
        assertEquals(List.of("Health Check Results:", "─".repeat(56), "Node_01              ✓ ALIVE",
                "Node_02              ✗ DEAD", "─".repeat(56), "Total: 1/2 nodes alive"), lines);
    }

    @Test
    void storageHasARowPerNodeAndATotal() {
        JsonObject status = (JsonObject) ApiClient.parse("""
                {"nodes":[{"id":"Node_01","capacityBytes":16777216,"usedBytes":4194304,"availableBytes":12582912,
                "utilizationPercent":25.0,"segments":64}],
                "total":{"id":"total","capacityBytes":16777216,"usedBytes":4194304,"availableBytes":12582912,
                "utilizationPercent":25.0,"segments":64}}""");
        String report = NetworkReports.storage(status);
        assertTrue(report.contains("Node_01         16.00MB    4.00MB     12.00MB    25.00%  64"), report);
        assertTrue(report.strip().endsWith("Total           16.00MB    4.00MB     12.00MB    25.00%  64"), report);
    }

    @Test
    void topologyListsPeers() {
        String report = NetworkReports.topology(TOPOLOGY);
        assertTrue(report.contains("Node_02         192.168.1.3     STOPPED    Node_01"), report);
    }
}
