package se.kvinnohalsa.gateway.events;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelOutboundHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.nio.AbstractNioChannel;
import io.netty.handler.codec.http.HttpContentCompressor;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.Map;

/**
 * Where a stream's text goes: its response, and for text shared by many streams, on an HTTP/1.1 connection of its
 * own, straight beneath the HTTP encoder as a chunk made once for all of them.
 *
 * <p>
 * Why beneath: at 10,000 streams one event is 10,000 writes, and per write Vert.x and Netty's chunked encoder (its
 * size line, three buffers whose promises it combines) cost more than the system call does (the stream benchmark's
 * profile). Vert.x' own writes (headers, ready, replays, the end) still go through the encoder, in the same event
 * loop, so the framing stays in order; the channel's writability, which Vert.x' write queue and drain use, counts
 * every write. Not on HTTP/2 (streams share a connection), not when the response is compressed, and not before the
 * headers are out: then through Vert.x.
 *
 * <p>
 * The server's idle timeout is taken off such a connection: it would not see the writes beneath it, and a stream has
 * its own heartbeat, lifetime and slow-client cut. Without it, the connection is closed once the stream has ended
 * rather than kept alive for another request.
 *
 * <p>
 * Where nothing lies between the encoder and the socket but handlers of what comes in (no TLS, no traffic shaping,
 * no logging), and nothing of the connection is queued in Netty, a shared chunk goes to the socket at once, as
 * Netty's own flush would write it, without Netty's queue entry, promise and flush around the one system call (7 %
 * of the event loops' CPU per delivery in the stream benchmark; the system call is most of the rest). What the
 * socket does not take is queued in Netty behind it, and everything after goes there too until Netty's queue is
 * empty again: the order stays, and the channel's writability, the bound for a slow client, counts what waits.
 */
final class StreamConnection {

    /** Netty's JDK channel of an NIO connection ({@code AbstractNioChannel.javaChannel()}); null where not reachable. */
    private static final MethodHandle JAVA_CHANNEL = javaChannelHandle();

    private final HttpServerResponse response;
    /** Where shared chunks are written (toward the socket, past the encoder); null: through Vert.x. */
    private final ChannelHandlerContext beneathEncoder;
    /**
     * The channel of a connection that carries this stream only (HTTP/1.1): its writability is the write queue's
     * bound, and it is closed once the stream has ended. Null when the connection is shared (HTTP/2).
     */
    private final Channel channel;
    /** The connection's socket, when a shared chunk may go straight to it; else null. */
    private final SocketChannel socket;
    private boolean headersOut;

    private StreamConnection(HttpServerResponse response, ChannelHandlerContext beneathEncoder, Channel channel,
            SocketChannel socket) {
        this.response = response;
        this.beneathEncoder = beneathEncoder;
        this.channel = channel;
        this.socket = socket;
    }

    /** Called on the connection's event loop, before the stream's first write. */
    static StreamConnection of(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_1_1
                || !(request.connection() instanceof ConnectionBase connection)) {
            return new StreamConnection(request.response(), null, null, null);
        }
        ChannelPipeline pipeline = connection.channel().pipeline();
        if (pipeline.get(IdleStateHandler.class) != null) {
            pipeline.remove(IdleStateHandler.class);
        }
        ChannelHandlerContext encoder = pipeline.get(HttpContentCompressor.class) == null
                ? pipeline.context(HttpResponseEncoder.class)
                : null;
        // A ChunkedWriteHandler, above the encoder, can hold writes back: Vert.x adds one only with TLS, compression or
        // traffic shaping, which rule the socket out anyway
        SocketChannel socket = encoder != null && onlyInboundBeneath(pipeline, encoder.handler())
                && pipeline.get(ChunkedWriteHandler.class) == null ? socketOf(connection.channel()) : null;
        return new StreamConnection(request.response(), encoder, connection.channel(), socket);
    }

    /** Whether every handler between the socket and {@code encoder} only handles what comes in. */
    static boolean onlyInboundBeneath(ChannelPipeline pipeline, ChannelHandler encoder) {
        for (Map.Entry<String, ChannelHandler> handler : pipeline) { // from the socket's end
            if (handler.getValue() == encoder) {
                return true;
            }
            if (handler.getValue() instanceof ChannelOutboundHandler) {
                return false;
            }
        }
        return false;
    }

    private static SocketChannel socketOf(Channel channel) {
        if (JAVA_CHANNEL == null || !(channel instanceof AbstractNioChannel)) {
            return null;
        }
        try {
            return (SelectableChannel) JAVA_CHANNEL.invoke((AbstractNioChannel) channel) instanceof SocketChannel socket
                    ? socket
                    : null;
        } catch (Throwable notReachable) {
            return null;
        }
    }

    private static MethodHandle javaChannelHandle() {
        try {
            return MethodHandles.privateLookupIn(AbstractNioChannel.class, MethodHandles.lookup()).findVirtual(
                    AbstractNioChannel.class, "javaChannel", MethodType.methodType(SelectableChannel.class));
        } catch (ReflectiveOperationException | RuntimeException notReachable) {
            return null; // shared chunks go through Netty
        }
    }

    /** Whether shared chunks may go straight to the socket (when nothing waits in Netty). */
    boolean writesToSocket() {
        return socket != null;
    }

    /**
     * More is waiting to be sent than the bound allows. What Vert.x answers too (its bound is the channel's high
     * water mark), without its lock: asked once per stream and event.
     */
    boolean queueFull() {
        return channel != null ? !channel.isWritable() : response.writeQueueFull();
    }

    /** Runs {@code then} once, when the queue has drained below the bound (Vert.x' drain handler). */
    void onceDrained(Runnable then) {
        response.drainHandler(drained -> {
            response.drainHandler(null);
            then.run();
        });
    }

    void write(Buffer text) {
        response.write(text, null); // no future to complete: one allocation less per stream and event
    }

    void write(SharedText shared) {
        if (beneathEncoder == null || !headersOut()) {
            write(shared.text());
        } else if (socket != null && nothingQueued() && channel.eventLoop().inEventLoop()) {
            writeToSocket(shared); // only on the loop: Netty's own writes to the socket happen there
        } else {
            beneathEncoder.writeAndFlush(shared.chunk(), beneathEncoder.voidPromise());
        }
    }

    /** The chunk to the socket, what it does not take queued in Netty; a failed write closes, as Netty's would. */
    private void writeToSocket(SharedText shared) {
        ByteBuffer bytes = shared.bytes();
        try {
            socket.write(bytes);
        } catch (IOException | RuntimeException failed) {
            closeChannel();
            return;
        }
        if (bytes.hasRemaining()) {
            beneathEncoder.writeAndFlush(shared.chunkFrom(bytes.position()), beneathEncoder.voidPromise());
        }
    }

    /** Nothing of the connection waits in Netty, written or flushed: a write to the socket keeps the order. */
    private boolean nothingQueued() {
        ChannelOutboundBuffer queued = channel.unsafe().outboundBuffer();
        return queued != null && queued.totalPendingWriteBytes() == 0;
    }

    /** Whether the response's headers are out: asked of Vert.x (under its lock) only until they are. */
    private boolean headersOut() {
        if (!headersOut) {
            headersOut = response.headWritten();
        }
        return headersOut;
    }

    /**
     * Closes the connection now, dropping what is still queued for it: for a client that does not read, whose queued
     * writes would otherwise never complete (and with them a close that waits for them). Without the idle timeout
     * nothing else would ever close it.
     */
    void abort() {
        if (channel != null) {
            closeChannel();
        } else if (!response.closed()) {
            response.close();
        }
    }

    /**
     * Closes a connection of its own if it is still open: once the stream's end is written, and again a while after
     * the end, for a client that does not read and so never lets the end be written.
     */
    void closeIfStillOpen() {
        if (channel != null) {
            closeChannel();
        }
    }

    /**
     * Netty's close from beneath Vert.x' connection handler: that handler turns a close into a graceful one, after an
     * empty write that a client which does not read never lets complete.
     */
    private void closeChannel() {
        if (channel.isOpen()) {
            ChannelHandlerContext first = channel.pipeline().firstContext();
            if (first != null) {
                first.close(); // from the first handler on toward the socket
            } else {
                channel.close();
            }
        }
    }

    /** Ends the response; a connection of its own is then closed (it has no idle timeout any more). */
    void end() {
        if (response.ended() || response.closed()) {
            return;
        }
        response.end().onComplete(written -> closeIfStillOpen());
    }
}
