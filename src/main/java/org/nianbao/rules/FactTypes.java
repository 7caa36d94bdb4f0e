package org.nianbao.rules;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.base.ClassObjectType;
import org.drools.base.base.ObjectType;
import org.drools.core.impl.InternalRuleBase;
import org.drools.core.reteoo.ObjectTypeNode;
import org.kie.api.KieBase;

/**
 * The kinds of fact a rule base's conditions ask about. A fact of another kind matches no condition of any of its
 * rules, and a session of it is spared taking that fact in: a ruleset of the table identities alone, which asks
 * about rows and columns, does not take in every cell of the report.
 *
 * <p>Worked out once from the rule base's own network (its object-type nodes), when the ruleset is built; a rule
 * base whose network cannot be read, or that has a node of a kind this does not know, takes every fact.
 */
public final class FactTypes {

    private static final FactTypes EVERY = new FactTypes(null);

    /** The types the conditions are of; {@code null}: every fact is wanted. */
    private final List<Class<?>> asked;
    private final ClassValue<Boolean> wanted = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            for (Class<?> a : asked) {
                if (a.isAssignableFrom(type)) {
                    return true;
                }
            }
            return false;
        }
    };

    private FactTypes(List<Class<?>> asked) {
        this.asked = asked;
    }

    /** The kinds asked about, by simple name; empty when every fact is taken. */
    public List<String> names() {
        return asked == null ? List.of() : asked.stream().map(Class::getSimpleName).sorted().toList();
    }

    static FactTypes of(KieBase base) {
        if (!(base instanceof InternalRuleBase rules)) {
            return EVERY;
        }
        List<Class<?>> asked = new ArrayList<>();
        for (ObjectTypeNode node : rules.getRete().getObjectTypeNodes()) {
            ObjectType type = node.getObjectType();
            if (!(type instanceof ClassObjectType c) || c.getClassType() == null) {
                return EVERY; // a kind of condition this does not know: take everything
            }
            asked.add(c.getClassType());
        }
        return new FactTypes(List.copyOf(asked));
    }

    /** Whether some condition may match {@code fact}. */
    boolean wanted(Object fact) {
        return asked == null || wanted.get(fact.getClass());
    }
}
