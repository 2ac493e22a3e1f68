package io.acgs2.components.mesh;

import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * What a service's pods get from its data wiring (made by the wiring layer's ServiceWiring): its
 * service account (an EKS Pod Identity association names it), the ConfigMap of its endpoints (as
 * environment), the secrets it mounts read-only (the cache token, the Kafka client certificate),
 * pod annotations, and what must exist before the first pod starts (the association is read when a
 * pod is created; the database users must exist before it connects).
 *
 * @param serviceAccount the ServiceAccount's name
 * @param configMap      the endpoints ConfigMap's name (envFrom)
 * @param secrets        the secrets to mount, by mount path
 * @param annotations    pod annotations (e.g. the Pod Identity agent kept out of the sidecar's capture)
 * @param ready          what the Deployment waits for
 * @param revision       a digest of what the ConfigMap and secrets hold: on the pod template, so a
 *                       changed endpoint (a writer moved) rolls the pods, which read them at start
 */
public record PodWiring(String serviceAccount, String configMap, Map<String, String> secrets, Map<String, String> annotations,
                        List<Resource> ready, com.pulumi.core.Output<String> revision) {

    public PodWiring {
        secrets = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(secrets));
        annotations = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(annotations));
        ready = List.copyOf(ready);
    }
}
