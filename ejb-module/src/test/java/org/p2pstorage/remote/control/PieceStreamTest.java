package org.p2pstorage.remote.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PieceStreamTest {

    @Test
    void writesOfAnySizeComeOutAsWholePiecesAndOneShorterLast() throws Exception {
        List<Integer> sizes = new ArrayList<>();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        PieceStream stream = new PieceStream(4) {
            @Override
            protected void piece(byte[] bytes, int length) {
                sizes.add(length);
                joined.write(bytes, 0, length);
            }
        };
        byte[] data = new byte[11];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        stream.write(data, 0, 3);
        stream.write(data[3]);
        stream.write(data, 4, 7);
        stream.flush();
        assertEquals(List.of(4, 4), sizes, "a flush alone hands on nothing: only handOn does");
        PieceStream last = new PieceStream(4) {
            @Override
            protected void piece(byte[] bytes, int length) {
                sizes.add(length);
                joined.write(bytes, 0, length);
            }

            @Override
            public void close() throws java.io.IOException {
                handOn();
            }
        };
        last.write(data, 8, 3);
        last.close();
        assertEquals(List.of(4, 4, 3), sizes);
        assertArrayEquals(data, joined.toByteArray());
    }
}
