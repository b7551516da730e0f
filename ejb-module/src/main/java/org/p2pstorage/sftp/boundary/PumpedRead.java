package org.p2pstorage.sftp.boundary;

import java.util.concurrent.ScheduledExecutorService;

import org.p2pstorage.catalog.boundary.DownloadPump;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.entity.Download;
import org.p2pstorage.sftp.control.ReadChannel;

/**
 * An SFTP get as the end of a {@link DownloadPump}, as an HTTP response or a gRPC stream is: the pump hands
 * each verified chunk into the file's {@link ReadChannel} when the link model says it has arrived, on the
 * managed scheduler's threads, and the channel answers the client's read requests with it. Neither side
 * parks a thread for the network's time; a full channel holds the pump back until the client reads on.
 */
final class PumpedRead implements DownloadPump.Sink, ReadChannel.Source {

    private final ScheduledExecutorService scheduler;
    private final ReadChannel channel;
    private final DownloadPump pump;

    PumpedRead(Download download, Downloads downloads, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        this.channel = new ReadChannel(download.size(), this);
        this.pump = new DownloadPump(download, downloads, scheduler, this);
    }

    ReadChannel channel() {
        return channel;
    }

    @Override
    public void more() {
        scheduler.execute(pump::pump);
    }

    @Override
    public void stop() {
        pump.cancel();
    }

    @Override
    public boolean ready() {
        return channel.hasRoom();
    }

    @Override
    public void write(byte[] data) {
        channel.add(data);
    }

    @Override
    public void completed() {
        channel.end();
    }

    @Override
    public void failed(String why) {
        channel.fail(why);
    }
}
