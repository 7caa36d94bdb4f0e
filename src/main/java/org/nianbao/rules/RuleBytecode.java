package org.nianbao.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.kie.api.definition.KiePackage;
import org.mvel2.asm.ClassReader;
import org.mvel2.asm.ClassVisitor;
import org.mvel2.asm.ConstantDynamic;
import org.mvel2.asm.FieldVisitor;
import org.mvel2.asm.Handle;
import org.mvel2.asm.MethodVisitor;
import org.mvel2.asm.Opcodes;
import org.mvel2.asm.Type;

/**
 * The second wall for the Java code compiled from rules (consequences, {@code eval}s, whatever else the compiler made
 * of a rule file): its class files are read as the JVM will run them, after the compiler, whatever the rule's text
 * looked like to anyone before it. Every class a class file names must be one the engine links ({@link RuleClasses}),
 * and every member it calls, reads or creates must be one rule code may use ({@link RuleClasses#allowedMember}) — or,
 * for the engine's own classes, one of the few the engine's generated glue calls. No lambdas, no method handles, no
 * class literals of other classes.
 */
final class RuleBytecode {

    /**
     * What the engine's generated invokers (the small classes through which it calls a rule's consequence or
     * condition: {@code …Invoker implements CompiledInvoker}) call besides the rule's own class: they compare their own
     * bytecode with another invoker's to tell equal rules apart, and have the engine generate a stub for the call. The
     * rule's own class — where the text of its consequence and conditions is compiled — may call none of these.
     */
    private static final Set<String> INVOKER_GLUE = Set.of("java/lang/Object.getClass",
            "org/drools/mvel/asm/MethodComparator.<init>", "org/drools/mvel/asm/MethodComparator.getMethodBytecode",
            "org/drools/mvel/asm/MethodComparator.compareBytecode", "org/drools/mvel/asm/ConsequenceGenerator.generate",
            "org/drools/base/rule/consequence/Consequence.evaluate",
            "org/drools/base/rule/accessor/CompiledInvoker.getMethodBytecode",
            "org/drools/base/rule/Declaration.getValue", "org/drools/base/rule/Declaration.getIntValue",
            "org/drools/base/rule/Declaration.getLongValue", "org/drools/base/rule/Declaration.getDoubleValue",
            "org/drools/base/rule/Declaration.getFloatValue", "org/drools/base/rule/Declaration.getShortValue",
            "org/drools/base/rule/Declaration.getByteValue", "org/drools/base/rule/Declaration.getCharValue",
            "org/drools/base/rule/Declaration.getBooleanValue");
    /** What the engine generates into a rule's own class for an accumulate: the constants of its function calls. */
    private static final Set<String> RULE_GLUE = Set.of("org/drools/mvel/field/FieldFactory.getInstance",
            "org/drools/mvel/field/FieldFactory.getFieldValue");
    /** What the invokers' glue above takes and gives besides usable types. */
    private static final String CLASS = "java/lang/Class";
    private static final String INVOKER = "org/drools/base/rule/accessor/CompiledInvoker";
    private static final String STRING_CONCAT = "java/lang/invoke/StringConcatFactory";

    private RuleBytecode() {
    }

    /** What a class of the compiled rules reaches that rule code may not, as {@code class: what}. */
    static List<String> check(Map<String, byte[]> classes) {
        List<String> problems = new ArrayList<>();
        Set<String> compiled = new java.util.HashSet<>();
        classes.keySet().forEach(name -> compiled.add(name.endsWith(".class") ? name.substring(0, name.length() - 6) : name));
        classes.forEach((name, bytes) -> {
            if (bytes != null) {
                check(name.replace(".class", "").replace('/', '.'), bytes, compiled, problems);
            }
        });
        return problems;
    }

    /** The class files compiled for these packages (the Java dialect keeps them with each package). */
    static Map<String, byte[]> classesOf(Collection<? extends KiePackage> packages) {
        Map<String, byte[]> classes = new java.util.LinkedHashMap<>();
        for (KiePackage p : packages) {
            if (p instanceof InternalKnowledgePackage pkg && pkg.getDialectRuntimeRegistry() != null
                    && pkg.getDialectRuntimeRegistry().getDialectData("java") instanceof JavaDialectRuntimeData java) {
                classes.putAll(java.getStore());
            }
        }
        return classes;
    }

    private static void check(String className, byte[] bytes, Set<String> compiled, List<String> problems) {
        Set<String> found = new TreeSet<>();
        try {
            new ClassReader(bytes).accept(new Reader(found, compiled), ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            found.add("无法读取的类文件");
        }
        found.forEach(what -> problems.add(className + ": " + what));
    }

    /** Whether rule code may name {@code internal} (a class's internal name) as a type: usable, or the engine's. */
    private static boolean typeAllowed(String internal) {
        String name = internal.replace('/', '.');
        return RuleClasses.usable(name) || engine(name) && RuleClasses.linkable(name);
    }

    private static boolean engine(String name) {
        String n = name.replace('/', '.');
        return n.startsWith("org.drools.") || n.startsWith("org.kie.") || n.startsWith("org.mvel2.");
    }

    private static final class Reader extends ClassVisitor {
        private final Set<String> found;
        /** The internal names of the classes compiled from the same rules: they call each other, each checked. */
        private final Set<String> compiled;
        private boolean invoker;

        Reader(Set<String> found, Set<String> compiled) {
            super(Opcodes.ASM9);
            this.found = found;
            this.compiled = compiled;
        }

        void type(Type t, String where) {
            switch (t.getSort()) {
                case Type.ARRAY -> type(t.getElementType(), where);
                case Type.OBJECT -> {
                    String n = t.getInternalName();
                    if (!typeAllowed(n) && !compiled.contains(n) && !(invoker && n.equals(CLASS))) {
                        found.add("不允许的类 " + t.getClassName() + "（" + where + "）");
                    }
                }
                case Type.METHOD -> {
                    type(t.getReturnType(), where);
                    for (Type a : t.getArgumentTypes()) {
                        type(a, where);
                    }
                }
                default -> {
                }
            }
        }

        void internal(String internalName, String where) {
            if (internalName != null) {
                type(internalName.startsWith("[") ? Type.getType(internalName) : Type.getObjectType(internalName), where);
            }
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            invoker = interfaces != null && java.util.Arrays.asList(interfaces).contains(INVOKER);
            internal(superName, "父类");
            if (interfaces != null) {
                for (String i : interfaces) {
                    internal(i, "接口");
                }
            }
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            type(Type.getType(descriptor), "字段 " + name);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            type(Type.getMethodType(descriptor), "方法 " + name);
            if (exceptions != null) {
                for (String e : exceptions) {
                    if (!RuleClasses.linkable(e.replace('/', '.'))) {
                        found.add("不允许的类 " + e.replace('/', '.') + "（方法 " + name + " 声明的异常）");
                    }
                }
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public void visitMethodInsn(int opcode, String owner, String member, String desc, boolean itf) {
                    member(owner, member, desc);
                }

                @Override
                public void visitFieldInsn(int opcode, String owner, String member, String desc) {
                    member(owner, member, desc);
                }

                @Override
                public void visitTypeInsn(int opcode, String type) {
                    internal(type, "new/cast");
                }

                @Override
                public void visitMultiANewArrayInsn(String descriptor, int dims) {
                    type(Type.getType(descriptor), "数组");
                }

                @Override
                public void visitLdcInsn(Object value) {
                    if (value instanceof Type t && !(t.getSort() == Type.OBJECT && RuleClasses.usable(t.getClassName()))
                            || value instanceof Handle || value instanceof ConstantDynamic) {
                        found.add("不允许的常量 " + value);
                    }
                }

                @Override
                public void visitInvokeDynamicInsn(String member, String desc, Handle bootstrap, Object... args) {
                    if (!bootstrap.getOwner().equals(STRING_CONCAT)) {
                        found.add("不允许的动态调用 " + bootstrap.getOwner() + "." + bootstrap.getName());
                        return;
                    }
                    type(Type.getMethodType(desc), "字符串拼接");
                    for (Object a : args) {
                        if (!(a instanceof String)) {
                            found.add("不允许的常量 " + a);
                        }
                    }
                }

                @Override
                public void visitTryCatchBlock(org.mvel2.asm.Label start, org.mvel2.asm.Label end,
                                               org.mvel2.asm.Label handler, String type) {
                    if (type != null && !RuleClasses.linkable(type.replace('/', '.'))) {
                        found.add("不允许的类 " + type.replace('/', '.') + "（catch）");
                    }
                }
            };
        }

        private void member(String owner, String member, String desc) {
            String ownerName = owner.startsWith("[") ? "java.lang.Object" : owner.replace('/', '.');
            if (compiled.contains(owner)) {
                // another class of the same rules, itself checked
            } else if (invoker && INVOKER_GLUE.contains(owner + "." + member) || RULE_GLUE.contains(owner + "." + member)) {
                // the engine's own glue
            } else if (engine(ownerName)) {
                found.add("不允许调用 " + ownerName + "." + member);
            } else if (!RuleClasses.allowedMember(ownerName, member)) {
                found.add("不允许调用 " + ownerName + "." + member);
            }
            type(desc.startsWith("(") ? Type.getMethodType(desc) : Type.getType(desc), ownerName + "." + member);
        }
    }
}
