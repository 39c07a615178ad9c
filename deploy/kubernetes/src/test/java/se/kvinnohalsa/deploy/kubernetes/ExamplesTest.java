package se.kvinnohalsa.deploy.kubernetes;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The examples that deploy/README.md tells operators to use still fit the manifests. */
class ExamplesTest {

    @Test
    void restorePatchAppliesToProdAndValidates() {
        List<Map<String, Object>> prod = OverlaysTest.render("prod");
        Map<String, Object> patch = Yaml.readSingle(
                OverlaysTest.KUBERNETES_DIR.resolve("examples/restore-allocation-db.patch.yaml"));
        Map<String, Object> cluster = OverlaysTest.one(prod, "Cluster", "allocation-db");
        KustomizeRenderer.merge(cluster, patch, false, "restore patch");

        assertEquals(List.of(), ManifestValidator.validate(prod, true));
        assertNull(Yaml.at(cluster, "spec.bootstrap.initdb"));
        assertEquals("allocation-db-backup", Yaml.at(cluster, "spec.bootstrap.recovery.source"));
        assertEquals("s3://kvinnohalsa-db-backups/allocation-db",
                Yaml.at(cluster, "spec.backup.barmanObjectStore.destinationPath"), "prod backup settings kept");
        assertEquals("allocation-db-r1", Yaml.at(cluster, "spec.backup.barmanObjectStore.serverName"));
    }
}
