package io.acgs2.stacks.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Turns the engine's wire values (protobuf Struct) into plain JSON-ready values; secrets become "[secret]". */
final class StructValues {

    static final String SECRET = "[secret]";
    static final String UNKNOWN = "[unknown]";
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private StructValues() {
    }

    static Map<String, Object> toMap(Struct struct) {
        var out = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    static Object toJava(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case NUMBER_VALUE -> {
                double d = v.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE -> UNKNOWN_VALUE.equals(v.getStringValue()) ? UNKNOWN : v.getStringValue();
            case LIST_VALUE -> {
                var list = new ArrayList<Object>();
                v.getListValue().getValuesList().forEach(item -> list.add(toJava(item)));
                yield list;
            }
            case STRUCT_VALUE -> {
                var fields = v.getStructValue().getFieldsMap();
                var sig = fields.get(SIG);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    yield SECRET;
                }
                if (sig != null && RESOURCE_SIG.equals(sig.getStringValue())) {
                    var urn = fields.get("urn");
                    yield urn == null ? null : urn.getStringValue();
                }
                var m = new LinkedHashMap<String, Object>();
                new TreeMap<>(fields).forEach((k, item) -> m.put(k, toJava(item)));
                yield m;
            }
        };
    }
}
