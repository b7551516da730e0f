package org.p2pstorage.catalog.boundary;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

import org.p2pstorage.catalog.entity.Download;

/**
 * An asynchronous HTTP response as the end of a {@link DownloadPump}: the container's non-blocking output
 * says when the client can take more ({@link #onWritePossible} wakes the pump), and a download stopped
 * short ends the response before its {@code Content-Length}, so no client takes wrong bytes for the file.
 */
class ChunkPump implements WriteListener, DownloadPump.Sink {

    private static final Logger LOG = Logger.getLogger(ChunkPump.class.getName());

    private final AsyncContext async;
    private final DownloadPump pump;
    private ServletOutputStream out;

    ChunkPump(Download download, Downloads downloads, ManagedScheduledExecutorService scheduler, AsyncContext async) {
        this.async = async;
        this.pump = new DownloadPump(download, downloads, scheduler, this);
    }

    void start() throws IOException {
        out = async.getResponse().getOutputStream();
        out.setWriteListener(this);
    }

    @Override
    public void onWritePossible() {
        pump.pump();
    }

    @Override
    public void onError(Throwable error) {
        LOG.log(Level.FINE, "download ended by the client: {0}", error.toString());
        if (pump.cancel()) {
            async.complete();
        }
    }

    @Override
    public boolean ready() {
        return out.isReady();
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data);
    }

    @Override
    public void completed() {
        async.complete();
    }

    @Override
    public void failed(String why) {
        try {
            out.close();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "closing a stopped download", e);
        }
        async.complete();
    }
}
