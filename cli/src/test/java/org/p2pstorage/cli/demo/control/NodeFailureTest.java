package org.p2pstorage.cli.demo.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.p2pstorage.cli.api.control.Fixtures;

class NodeFailureTest {

    @Test
    void theVictimIsTheNodeWithMostCopiesAndTheAffectedChunksAreCounted() {
        JsonObject file = Fixtures.object("file-details.json");
        assertEquals("Node_01", NodeFailure.busiest(Map.of("f", file)), "Node_01 and Node_05 hold two: the first");
        assertEquals(2, NodeFailure.copiesOn(file, "Node_05"));
        assertEquals(1, NodeFailure.copiesOn(file, "Node_03"));
        assertEquals(0, NodeFailure.copiesOn(file, "Node_09"));
    }
}
