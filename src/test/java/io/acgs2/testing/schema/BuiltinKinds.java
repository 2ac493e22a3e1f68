package io.acgs2.testing.schema;

import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Optional;

/**
 * The built-in kinds of the pinned Kubernetes API, as client-java generates them from the
 * Kubernetes OpenAPI: a kind exists in a group version when that version's API class has its create
 * operation ({@code AppsV1Api.createNamespacedDeployment}, {@code CoreV1Api.createNamespace}), which
 * also says whether it is namespaced and which model class its body is.
 */
public final class BuiltinKinds {

    /** The client-java release the tests take the Kubernetes API from, and the Kubernetes minor it was generated for. */
    public static final String CLIENT_JAVA = "27.0.0";
    public static final String KUBERNETES = "1.35";

    private static final String API_PACKAGE = "io.kubernetes.client.openapi.apis.";

    /** A kind of the pinned API: its body class and whether objects of it live in a namespace. */
    public record Kind(Class<?> model, boolean namespaced) {
    }

    private BuiltinKinds() {
    }

    /** Whether a group belongs to Kubernetes itself (the core group, {@code *.k8s.io} and the legacy names). */
    public static boolean isBuiltinGroup(String group) {
        return group.isEmpty() || group.endsWith(".k8s.io") || java.util.List.of("apps", "batch", "autoscaling", "policy")
                .contains(group);
    }

    public static Optional<Kind> find(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        var group = slash < 0 ? "" : apiVersion.substring(0, slash);
        var version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
        Class<?> api;
        try {
            api = Class.forName(API_PACKAGE + apiClassPrefix(group) + capitalize(version) + "Api");
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
        for (var namespaced : new boolean[]{true, false}) {
            var op = "create" + (namespaced ? "Namespaced" : "") + kind;
            for (Method m : api.getMethods()) {
                if (m.getName().equals(op)) {
                    for (var p : m.getParameterTypes()) {
                        if (p.getPackageName().equals("io.kubernetes.client.openapi.models")) {
                            return Optional.of(new Kind(p, namespaced));
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** "" -> Core, apps -> Apps, networking.k8s.io -> Networking, rbac.authorization.k8s.io -> RbacAuthorization. */
    static String apiClassPrefix(String group) {
        if (group.isEmpty()) {
            return "Core";
        }
        var name = group.endsWith(".k8s.io") ? group.substring(0, group.length() - ".k8s.io".length()) : group;
        var out = new StringBuilder();
        for (var part : name.split("\\.")) {
            out.append(capitalize(part));
        }
        return out.toString();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }
}
