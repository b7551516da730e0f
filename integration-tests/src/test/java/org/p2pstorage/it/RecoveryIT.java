package org.p2pstorage.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog database is lost while the server is down (its folder deleted); the nodes still hold every
 * chunk. At start the server rebuilds files, chunk maps and copies from the nodes' manifests. The accounts
 * were in that database too: the files go to the admin (the first account registered afterwards), each
 * marked with the owner it had, and never to a new account that happens to take an old owner's name.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RecoveryIT {

    static final String SERVER = "recovery";
    static final String EAR = "recovery-ear";

    @Deployment(name = EAR, managed = false, testable = false)
    @TargetsContainer(SERVER)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    ContainerController controller;

    @ArquillianResource
    Deployer deployer;

    @Test
    void aLostCatalogIsRebuiltFromTheNodes() throws Exception {
        deleteTree(data());
        Api first = Api.restart().signedUp("first");
        Api owner = Api.restart().signedUp("owner");
        RandomContent big = new RandomContent(1_200_000, 61);
        RandomContent small = new RandomContent(300_000, 62);
        controller.start(SERVER);
        try {
            deployer.deploy(EAR);
            String bigId = first.upload("big file (recovered).bin", big, true).json().getString("fileId");
            String smallId = owner.upload("small.bin", small, true).json().getString("fileId");
            Map<Integer, List<String>> bigMap = map(first, bigId);

            controller.stop(SERVER);
            deleteTree(data().resolve("db"));
            controller.start(SERVER);
            DurabilityIT.awaitTrue(() -> Api.restart().get("/api/files/list").status() == 401, "the application is deployed again");

            Api rescuer = Api.restart().signedUp("rescuer");
            List<JsonObject> recovered = rescuer.get("/api/files/list").array().getValuesAs(JsonObject.class);
            assertEquals(2, recovered.size(), recovered.toString());
            JsonObject bigLine = recovered.stream().filter(f -> f.getString("fileId").equals(bigId)).findFirst().orElseThrow();
            assertEquals("big file (recovered).bin", bigLine.getString("name"));
            assertEquals(first.username(), bigLine.getString("recoveredFrom"));
            assertEquals("healthy", bigLine.getString("health"));
            assertEquals(owner.username(), recovered.stream().filter(f -> f.getString("fileId").equals(smallId))
                    .findFirst().orElseThrow().getString("recoveredFrom"));
            assertEquals(bigMap, map(rescuer, bigId), "the same copies on the same nodes");
            assertEquals(big.sha256(), rescuer.download(bigId).sha256());
            assertEquals(small.sha256(), rescuer.download(smallId).sha256());

            Api sameName = Api.restart();
            assertEquals(201, sameName.register(owner.username(), owner.username() + "@p2p.test", Api.PASSWORD).status());
            Api newcomer = sameName.withToken(sameName.login(owner.username(), Api.PASSWORD).json().getString("token"));
            assertEquals(0, newcomer.get("/api/files/list").array().size(), "a new account with an old name gets nothing");
            assertEquals(404, newcomer.get("/api/files/" + smallId).status());

            Api.Answer rebuilt = rescuer.post("/api/catalog/rebuild");
            assertEquals(200, rebuilt.status(), rebuilt.body());
            JsonObject report = rebuilt.json();
            assertEquals(0, report.getInt("filesRecovered"), "nothing more to recover: " + report);
            assertEquals(0, report.getInt("copiesDropped"));
            deployer.undeploy(EAR);
        } finally {
            controller.stop(SERVER);
        }
    }

    private static Map<Integer, List<String>> map(Api api, String fileId) {
        return api.copies(fileId).stream().collect(Collectors.groupingBy(Api.Copy::index,
                Collectors.mapping(Api.Copy::node, Collectors.collectingAndThen(Collectors.toList(),
                        l -> l.stream().sorted().toList()))));
    }

    static Path data() {
        return Path.of(System.getProperty("it.servers")).resolve("recovery-data");
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        assertTrue(Files.notExists(folder));
    }
}
