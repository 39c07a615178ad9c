package se.kvinnohalsa.gateway.events;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Text written unchanged to many streams, made once: one HTTP/1.1 chunk ready for the wire (size line, text, CRLF),
 * and the text alone within it for streams written through Vert.x.
 *
 * <p>
 * In direct memory: Netty sends a direct buffer as it is (a heap one it copies per connection), and neither Netty nor
 * Vert.x releases what is written of it (each write gets an unreleasable view of its own), so every connection,
 * however far behind, shares this one copy; the garbage collector frees it when no connection holds it any more.
 */
final class SharedText {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final int HEX = 16;

    private final ByteBuffer bytes;
    private final ByteBuf chunk;
    private final Buffer text;

    private SharedText(ByteBuffer bytes, ByteBuf chunk, Buffer text) {
        this.bytes = bytes;
        this.chunk = chunk;
        this.text = text;
    }

    static SharedText of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an empty chunk would end the response");
        }
        byte[] size = (Integer.toString(bytes.length, HEX) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer direct = ByteBuffer.allocateDirect(size.length + bytes.length + CRLF.length);
        direct.put(size).put(bytes).put(CRLF).flip();
        ByteBuf chunk = Unpooled.wrappedBuffer(direct);
        return new SharedText(direct.asReadOnlyBuffer(), chunk, Buffer.buffer(chunk.slice(size.length, bytes.length)));
    }

    /** The text, for a write through Vert.x. */
    Buffer text() {
        return text;
    }

    /** The whole chunk, a view of its own for one write beneath Vert.x' encoder. */
    ByteBuf chunk() {
        return chunkFrom(0);
    }

    /** The chunk from {@code offset} on, a view of its own for one write beneath Vert.x' encoder. */
    ByteBuf chunkFrom(int offset) {
        return Unpooled.unreleasableBuffer(chunk.slice(offset, chunk.readableBytes() - offset));
    }

    /** The whole chunk, a read-only view of its own (its own position) for one write to a socket. */
    ByteBuffer bytes() {
        return bytes.duplicate();
    }
}
