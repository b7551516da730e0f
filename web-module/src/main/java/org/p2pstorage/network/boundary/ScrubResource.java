package org.p2pstorage.network.boundary;

import java.time.Instant;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.p2pstorage.catalog.boundary.Repairs;
import org.p2pstorage.network.entity.ScrubStatus;

/** Scrubbing: the last full pass, chunks verified, bad copies found and repaired; admins start a pass now. */
@RequestScoped
@Path("scrub")
@Produces(MediaType.APPLICATION_JSON)
public class ScrubResource {

    /** The scrubber's status with how many of the bad copies it found have been replaced by repair. */
    public record Report(long bytesPerSecond, boolean running, long passes, Instant lastPassStartedAt,
                         Instant lastPassCompletedAt, ScrubStatus.Pass currentPass, long chunksVerified,
                         long errorsFound, long errorsRepaired) {

        static Report of(ScrubStatus status, long[] findings) {
            return new Report(status.bytesPerSecond(), status.running(), status.passes(), status.lastPassStartedAt(),
                    status.lastPassCompletedAt(), status.currentPass(), status.chunksVerified(), status.errorsFound(),
                    Math.min(findings[1], status.errorsFound()));
        }
    }

    @EJB
    Scrubber scrubber;

    @EJB
    Repairs repairs;


    @GET
    public Report status() {
        return Report.of(scrubber.status(), repairs.scrubFindings());
    }

    @POST
    public Report start() {
        return Report.of(scrubber.startNow(), repairs.scrubFindings());
    }
}
