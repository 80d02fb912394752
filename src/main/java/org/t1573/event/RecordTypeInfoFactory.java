package org.t1573.event;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Base of the {@code @TypeInfo} factories that give a record type its hand-written serializer,
 * so every stream and state of that type uses it. A subclass names the type and the serializer.
 */
public abstract class RecordTypeInfoFactory<T> extends TypeInfoFactory<T> {
    private final TypeInformation<T> info;

    protected RecordTypeInfoFactory(Class<T> type, RecordSerializer<T> serializer) {
        this(type, serializer, false);
    }

    /** @param keyType whether streams may be keyed by the type (it has value equality) */
    protected RecordTypeInfoFactory(Class<T> type, TypeSerializer<T> serializer, boolean keyType) {
        info = new SerializerTypeInfo<>(type, serializer, keyType);
    }

    @Override
    public TypeInformation<T> createTypeInfo(Type t, Map<String, TypeInformation<?>> genericParameters) {
        return info;
    }
}
