package io.acgs2.components.platform;

import io.acgs2.components.common.ArgsProblems;
import io.acgs2.components.common.AwsFacts;
import io.acgs2.components.compute.ClusterCore;

import java.util.List;

/**
 * Inputs of {@link WorkloadScaling}. Chart versions are pinned here (upgrade in one place, one minor
 * at a time, checked against the cluster's Kubernetes minor).
 */
public final class WorkloadScalingArgs {

    /** cluster-autoscaler chart 9.59.0: appVersion 1.35.0, the autoscaler minor of Kubernetes 1.35. */
    public static final String DEFAULT_AUTOSCALER_CHART_VERSION = "9.59.0";
    /** nvidia-device-plugin chart of k8s-device-plugin v0.20.0. */
    public static final String DEFAULT_DEVICE_PLUGIN_CHART_VERSION = "0.20.0";
    /** metrics-server chart 3.13.1 (metrics-server 0.8.1). */
    public static final String DEFAULT_METRICS_SERVER_CHART_VERSION = "3.13.1";

    private final ClusterCore cluster;
    private final AwsFacts facts;
    private final List<String> gpuInstanceTypes;
    private final String autoscalerChartVersion;
    private final String devicePluginChartVersion;
    private final String metricsServerChartVersion;

    private WorkloadScalingArgs(Builder b) {
        this.cluster = b.cluster;
        this.facts = b.facts;
        this.gpuInstanceTypes = b.gpuInstanceTypes == null ? List.of() : List.copyOf(b.gpuInstanceTypes);
        this.autoscalerChartVersion = b.autoscalerChartVersion == null ? DEFAULT_AUTOSCALER_CHART_VERSION : b.autoscalerChartVersion;
        this.devicePluginChartVersion = b.devicePluginChartVersion == null ? DEFAULT_DEVICE_PLUGIN_CHART_VERSION : b.devicePluginChartVersion;
        this.metricsServerChartVersion = b.metricsServerChartVersion == null ? DEFAULT_METRICS_SERVER_CHART_VERSION : b.metricsServerChartVersion;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The cluster the add-ons run in. Required. */
    public ClusterCore cluster() {
        return cluster;
    }

    /** The region's account and partition (the autoscaler's role). Required. */
    public AwsFacts facts() {
        return facts;
    }

    /** The instance types of the cluster's GPU node groups; none: no device plugin. Default: none. */
    public List<String> gpuInstanceTypes() {
        return gpuInstanceTypes;
    }

    public String autoscalerChartVersion() {
        return autoscalerChartVersion;
    }

    public String devicePluginChartVersion() {
        return devicePluginChartVersion;
    }

    public String metricsServerChartVersion() {
        return metricsServerChartVersion;
    }

    public static final class Builder {
        private ClusterCore cluster;
        private AwsFacts facts;
        private List<String> gpuInstanceTypes;
        private String autoscalerChartVersion;
        private String devicePluginChartVersion;
        private String metricsServerChartVersion;

        public Builder cluster(ClusterCore v) {
            this.cluster = v;
            return this;
        }

        public Builder facts(AwsFacts v) {
            this.facts = v;
            return this;
        }

        public Builder gpuInstanceTypes(List<String> v) {
            this.gpuInstanceTypes = v;
            return this;
        }

        public Builder autoscalerChartVersion(String v) {
            this.autoscalerChartVersion = v;
            return this;
        }

        public Builder devicePluginChartVersion(String v) {
            this.devicePluginChartVersion = v;
            return this;
        }

        public Builder metricsServerChartVersion(String v) {
            this.metricsServerChartVersion = v;
            return this;
        }

        public WorkloadScalingArgs build() {
            var p = new ArgsProblems("WorkloadScalingArgs");
            p.require("cluster", cluster, "pass the EksCluster's core");
            p.require("facts", facts, "pass the region's AwsFacts");
            p.throwIfAny();
            return new WorkloadScalingArgs(this);
        }
    }
}
