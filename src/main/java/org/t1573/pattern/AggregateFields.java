package org.t1573.pattern;

import java.util.Collection;

/** Resolves aggregate names ({@code connections.count}, {@code beacon.likely}, ...) in alert conditions. */
public final class AggregateFields implements FieldResolver<AggregateView> {
    private static final long serialVersionUID = 1L;

    public static final AggregateFields INSTANCE = new AggregateFields();

    private AggregateFields() {}

    @Override
    public FieldAccess<AggregateView> resolve(String name) {
        Aggregate a = Aggregate.byName(name);
        return a == null ? null : new FieldAccess<>(name, a.type(), v -> v.aggregate(a));
    }

    @Override
    public Collection<String> names() {
        return Aggregate.all().keySet();
    }
}
