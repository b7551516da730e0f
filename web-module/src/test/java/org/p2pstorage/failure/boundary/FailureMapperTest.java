package org.p2pstorage.failure.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureMapperTest {

    @Test
    void aHugeIdIsNotEchoedWhole() {
        String message = FailureMapper.shortened("no file with id " + "a".repeat(1_000_000));
        assertEquals("no file with id " + "a".repeat(80) + "…", message);
    }

    @Test
    void ordinaryMessagesAreKept() {
        String message = "lossRate must be a number from 0 up to (not including) 1";
        assertEquals(message, FailureMapper.shortened(message));
    }

    @Test
    void theContainersRefusalsNameNoFramework() {
        for (int status : new int[]{400, 404, 405, 406, 411, 413, 415}) {
            String sentence = FailureMapper.sentence(status);
            assertTrue(!sentence.contains("RESTEASY") && !sentence.contains("jakarta"), sentence);
        }
    }
}
