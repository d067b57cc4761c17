package io.siyu.rules.internal.compile;

import io.siyu.rules.decision.Customer;
import org.drools.core.impl.RuleBaseFactory;
import org.drools.model.Model;
import org.drools.modelcompiler.KieBaseBuilder;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.conf.KieBaseMutabilityOption;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A pack's rules compiled ahead of time: the class files of Drools' executable model (the rules as Java
 * lambdas, made by {@code drools-model-codegen} and a Java compiler when the pack is compiled) and the names
 * of its model classes. {@link #kieBase} turns them into a rule base with the executable model's runtime
 * ({@code drools-model-compiler}'s {@link KieBaseBuilder}) alone: no DRL parser, no MVEL, no Java compiler and
 * no {@code drools-compiler} class is needed then, which is what lets a compiled pack load in a fraction of
 * the time of a build (BENCHMARKS.md, "Start-up").
 *
 * <p>This class names nothing of {@code drools-compiler}, so that it loads where that jar is absent; the build
 * side ({@code DrlCompiler}) makes instances.
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledRules {
    private final Map<String, byte[]> classes;
    private final List<String> models;

    /**
     * @param classes the class files by binary name ({@code defaultpkg.RulesABC}); copied
     * @param models  the names of the classes that implement Drools' {@code Model}, one per rule package
     */
    public CompiledRules(Map<String, byte[]> classes, List<String> models) {
        Map<String, byte[]> copy = new TreeMap<>();
        classes.forEach((name, bytes) -> copy.put(Objects.requireNonNull(name), bytes.clone()));
        this.classes = Collections.unmodifiableMap(copy);
        this.models = List.copyOf(models);
        for (String model : this.models) {
            if (!this.classes.containsKey(model)) {
                throw new IllegalArgumentException("model class " + model + " is not among the classes");
            }
        }
    }

    /** The class files by binary name; unmodifiable (the arrays are the stored ones: do not change them). */
    public Map<String, byte[]> classes() {
        return classes;
    }

    /** The model class names. */
    public List<String> models() {
        return models;
    }

    /**
     * A new rule base of these rules: the classes are defined in a class loader of their own (whose parent
     * sees the fact model, and which also reaches the host's extra fact classes), the models instantiated and
     * given to the executable model's {@link KieBaseBuilder}. The base is never changed incrementally.
     *
     * @param extraFacts the classes the host allowed besides the fact model (their loaders are searched too)
     * @throws IllegalStateException when a class cannot be defined or a model made (a compiled pack for another
     *                               library or Drools version, or a class the host no longer has), with the cause
     */
    public KieBase kieBase(Collection<Class<?>> extraFacts) {
        Set<ClassLoader> extra = new LinkedHashSet<>();
        for (Class<?> type : extraFacts) {
            if (type.getClassLoader() != null) {
                extra.add(type.getClassLoader());
            }
        }
        Loader loader = new Loader(classes, Customer.class.getClassLoader(), List.copyOf(extra));
        List<Model> instances = new ArrayList<>();
        for (String model : models) {
            try {
                instances.add((Model) loader.loadClass(model).getConstructor().newInstance());
            } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                throw new IllegalStateException("cannot make the compiled rule model " + model + ": " + e, e);
            }
        }
        KieBaseConfiguration conf = RuleBaseFactory.newKnowledgeBaseConfiguration(null, loader);
        conf.setOption(KieBaseMutabilityOption.DISABLED);
        return KieBaseBuilder.createKieBaseFromModel(instances, conf);
    }

    /**
     * Defines the compiled classes; every other class comes from the fact model's loader, then from the
     * loaders of the host's extra fact classes. Defines each class once (the JVM's own locking per name).
     */
    private static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final Map<String, byte[]> classes;
        private final List<ClassLoader> extra;

        Loader(Map<String, byte[]> classes, ClassLoader parent, List<ClassLoader> extra) {
            super("siyu-compiled-rules", parent);
            this.classes = classes;
            this.extra = extra;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = classes.get(name);
            if (bytes != null) {
                return defineClass(name, bytes, 0, bytes.length);
            }
            for (ClassLoader loader : extra) {
                try {
                    return loader.loadClass(name);
                } catch (ClassNotFoundException notThere) {
                    // the next one
                }
            }
            throw new ClassNotFoundException(name);
        }
    }
}
