package io.acgs2.components.operations;

import io.acgs2.components.common.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the managed collector scrapes in a region's cluster, in the subset of Prometheus's
 * configuration it takes (kubernetes_sd_configs only, relabelling, an interval of 30 s or more, no
 * client certificates): the sidecars' merged Envoy and application metrics (Istio sets
 * {@code prometheus.io/*} annotations: port 15020), istiod, the Kafka brokers and MirrorMaker 2
 * (Strimzi's metrics reporter, port {@code tcp-prometheus} 9404), kube-state-metrics, the node
 * exporter and the Cluster Autoscaler. Every job keeps the cluster's region as a label.
 */
public final class ScrapeConfig {

    public static final int INTERVAL_SECONDS = 30;
    /** The metrics ports the collector reaches, by what serves them. */
    public static final Map<String, Integer> PORTS = orderedPorts();

    private ScrapeConfig() {
    }

    private static Map<String, Integer> orderedPorts() {
        var m = new LinkedHashMap<String, Integer>();
        m.put("istio-merged", 15020);
        m.put("istiod", 15014);
        m.put("strimzi", 9404);
        m.put("kube-state-metrics", 8080);
        m.put("node-exporter", 9100);
        m.put("cluster-autoscaler", 8085);
        return java.util.Collections.unmodifiableMap(m);
    }

    public static Map<String, Object> config(String region, String kafkaNamespace) {
        var jobs = new ArrayList<Object>();
        // injected pods: Istio's metrics merging publishes Envoy's and the app's metrics on 15020
        jobs.add(job("istio-merged", List.of(
                keep("__meta_kubernetes_pod_annotation_prometheus_io_scrape", "true"),
                replace(List.of("__meta_kubernetes_pod_annotation_prometheus_io_path"), "__metrics_path__", "(.+)", "$1"),
                replace(List.of("__meta_kubernetes_pod_ip", "__meta_kubernetes_pod_annotation_prometheus_io_port"), "__address__",
                        "(.+);(\\d+)", "$1:$2"))));
        jobs.add(job("istiod", List.of(
                keep("__meta_kubernetes_namespace", "istio-system"),
                keep("__meta_kubernetes_pod_label_app", "istiod"),
                keep("__meta_kubernetes_pod_container_port_number", "15014"))));
        jobs.add(job("strimzi", List.of(
                keep("__meta_kubernetes_namespace", kafkaNamespace),
                keep("__meta_kubernetes_pod_container_port_name", "tcp-prometheus"),
                replace(List.of("__meta_kubernetes_pod_label_strimzi_io_cluster"), "strimzi_io_cluster", "(.+)", "$1"))));
        jobs.add(job("kube-state-metrics", List.of(
                keep("__meta_kubernetes_pod_label_app_kubernetes_io_name", "kube-state-metrics"),
                keep("__meta_kubernetes_pod_container_port_number", "8080"))));
        jobs.add(job("node-exporter", List.of(
                keep("__meta_kubernetes_pod_label_app_kubernetes_io_name", "prometheus-node-exporter"),
                keep("__meta_kubernetes_pod_container_port_number", "9100"))));
        jobs.add(job("cluster-autoscaler", List.of(
                keep("__meta_kubernetes_pod_label_app_kubernetes_io_name", "aws-cluster-autoscaler"),
                keep("__meta_kubernetes_pod_container_port_number", "8085"))));
        var global = new LinkedHashMap<String, Object>();
        global.put("scrape_interval", INTERVAL_SECONDS + "s");
        global.put("external_labels", Map.of("region", region));
        var config = new LinkedHashMap<String, Object>();
        config.put("global", global);
        config.put("scrape_configs", jobs);
        return config;
    }

    public static String yaml(String region, String kafkaNamespace) {
        return Json.yaml(config(region, kafkaNamespace));
    }

    private static Map<String, Object> job(String name, List<Object> relabel) {
        var all = new ArrayList<Object>(relabel);
        all.add(replace(List.of("__meta_kubernetes_namespace"), "namespace", "(.+)", "$1"));
        all.add(replace(List.of("__meta_kubernetes_pod_name"), "pod", "(.+)", "$1"));
        var j = new LinkedHashMap<String, Object>();
        j.put("job_name", name);
        j.put("kubernetes_sd_configs", List.of(Map.of("role", "pod")));
        j.put("relabel_configs", all);
        return j;
    }

    private static Map<String, Object> keep(String label, String regex) {
        return Map.of("source_labels", List.of(label), "action", "keep", "regex", regex);
    }

    private static Map<String, Object> replace(List<String> labels, String target, String regex, String replacement) {
        var r = new LinkedHashMap<String, Object>();
        r.put("source_labels", labels);
        r.put("action", "replace");
        r.put("regex", regex);
        r.put("target_label", target);
        r.put("replacement", replacement);
        return r;
    }
}
