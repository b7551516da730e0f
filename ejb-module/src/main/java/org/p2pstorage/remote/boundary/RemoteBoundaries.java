package org.p2pstorage.remote.boundary;

import org.p2pstorage.account.boundary.Accounts;
import org.p2pstorage.catalog.boundary.Downloads;
import org.p2pstorage.catalog.boundary.Files;
import org.p2pstorage.catalog.boundary.Folders;
import org.p2pstorage.catalog.boundary.Uploads;
import org.p2pstorage.network.boundary.HealthBroadcast;
import org.p2pstorage.network.boundary.NetworkState;
import org.p2pstorage.transfer.boundary.Links;

/**
 * The application's boundaries as the gRPC and SSH servers call them: the same beans REST calls, handed
 * over once by the server beans that start them (their threads are not EJB invocations, so they cannot
 * be injected there).
 */
public record RemoteBoundaries(Accounts accounts, Uploads uploads, Downloads downloads, Files files,
                               Folders folders, NetworkState network, HealthBroadcast health, Links links, Segments segments, AdminActions admin) {
}
