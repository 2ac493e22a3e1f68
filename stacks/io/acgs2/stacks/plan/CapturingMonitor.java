package io.acgs2.stacks.plan;

import com.pulumi.Log;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.ReadResourceRequest;
import pulumirpc.Resource.ReadResourceResponse;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The mock engine's monitor, recording every registration request in full (parent, provider,
 * dependencies, protect, retainOnDelete, ignoreChanges) with the URN the engine answered.
 */
final class CapturingMonitor extends MockMonitor {

    record Captured(RegisterResourceRequest request, ReadResourceRequest read, String urn) {
    }

    final List<Captured> captured = Collections.synchronizedList(new ArrayList<>());

    CapturingMonitor(Mocks mocks, Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            captured.add(new Captured(request, null, response.getUrn()));
            return response;
        });
    }

    @Override
    public CompletableFuture<ReadResourceResponse> readResourceAsync(Resource resource, ReadResourceRequest request) {
        return super.readResourceAsync(resource, request).thenApply(response -> {
            captured.add(new Captured(null, request, response.getUrn()));
            return response;
        });
    }
}
