package org.p2pstorage;

import java.util.Set;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.p2pstorage.account.boundary.AuthResource;
import org.p2pstorage.account.boundary.SignedIn;
import org.p2pstorage.account.boundary.SshKeysResource;
import org.p2pstorage.catalog.boundary.CatalogResource;
import org.p2pstorage.account.boundary.UsersResource;
import org.p2pstorage.catalog.boundary.FilesResource;
import org.p2pstorage.catalog.boundary.FoldersResource;
import org.p2pstorage.catalog.boundary.RepairResource;
import org.p2pstorage.dashboard.boundary.DashboardResource;
import org.p2pstorage.failure.boundary.FailureMapper;
import org.p2pstorage.failure.boundary.ValidationFailureMapper;
import org.p2pstorage.mail.boundary.OutboxResource;
import org.p2pstorage.network.boundary.NetworkResource;
import org.p2pstorage.network.boundary.ScrubResource;
import org.p2pstorage.network.boundary.StorageResource;
import org.p2pstorage.request.boundary.JsonBodyReader;
import org.p2pstorage.transfer.boundary.TransfersResource;

/**
 * The REST API, under {@code /api}. Its servlet is declared in {@code WEB-INF/web.xml} to give it a
 * multipart configuration (uploads are spooled to disk by the servlet container, never held in memory);
 * a servlet declared that way gets no classpath scanning, so the resources are listed here.
 */
@ApplicationPath("api")
public class JAXRSConfiguration extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(AuthResource.class, SshKeysResource.class, SignedIn.class, FilesResource.class, FoldersResource.class,
                NetworkResource.class, StorageResource.class, DashboardResource.class, OutboxResource.class,
                TransfersResource.class, RepairResource.class, ScrubResource.class, CatalogResource.class,
                UsersResource.class, FailureMapper.class, ValidationFailureMapper.class, JsonBodyReader.class);
    }
}
