package se.kvinnohalsa.gateway.events;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SharedTextTest {

    private static final String MESSAGE = "id: report-events:0:7\nevent: report.submitted\ndata: {\"år\":2024}\n\n";

    @Test
    void theChunkIsTheTextsSizeInHexItsUtf8BytesAndACrLf() {
        SharedText shared = SharedText.of(MESSAGE);
        byte[] bytes = MESSAGE.getBytes(StandardCharsets.UTF_8);
        assertEquals(Integer.toHexString(bytes.length) + "\r\n" + MESSAGE + "\r\n",
                shared.chunk().toString(StandardCharsets.UTF_8), "size counts bytes (å is two), not characters");
        assertEquals(MESSAGE, shared.text().toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyWriteGetsAViewOfItsOwnThatNoConnectionCanRelease() {
        SharedText shared = SharedText.of(MESSAGE);
        ByteBuf first = shared.chunk();
        first.skipBytes(first.readableBytes()); // as a connection that has sent it all
        assertFalse(first.release(), "Netty releases what it has written: the shared copy stays");
        ByteBuf second = shared.chunk();
        assertEquals(first.writerIndex(), second.readableBytes(), "the next connection still gets all of it");
    }

    @Test
    void anEmptyTextWouldEndTheResponseAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SharedText.of(""));
    }
}
