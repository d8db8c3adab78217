package org.sea.pli.stage;

import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.sea.pli.storage.Sha256;

/**
 * The shape of the classes a checkpoint holds: every pl-impact class reachable from the root
 * through serialized fields, with its fields' names and declared types, hashed. A rebuilt
 * pl-impact whose checkpointed classes gained, lost or retyped a field has another shape, so its
 * restart loads those LEAs again instead of restoring old bytes into new classes (which Java's
 * serialization would do silently, defaulting every new field).
 */
final class CheckpointShape {

    private static final String OWN = "org.sea.pli.";

    private CheckpointShape() {}

    static String of(Class<?> root) {
        return Sha256.of(describe(root).getBytes(StandardCharsets.UTF_8));
    }

    /** One line per class reached: its name and its serialized fields, sorted. */
    static String describe(Class<?> root) {
        Set<String> lines = new TreeSet<>();
        Set<Class<?>> seen = new java.util.HashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll();
            if (!seen.add(c)) {
                continue;
            }
            StringBuilder line = new StringBuilder(c.getName()).append(c.isEnum() ? " enum" : "");
            if (c.isEnum()) {
                Arrays.stream(c.getEnumConstants())
                        .forEach(e -> line.append(' ').append(e));
            }
            Field[] fields = c.getDeclaredFields();
            Arrays.sort(fields, Comparator.comparing(Field::getName));
            for (Field f : fields) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isEnumConstant()) {
                    continue;
                }
                line.append(' ')
                        .append(f.getName())
                        .append(':')
                        .append(f.getGenericType().getTypeName());
                collect(f.getGenericType(), todo);
            }
            lines.add(line.toString());
        }
        return String.join("\n", lines);
    }

    private static void collect(Type type, Deque<Class<?>> todo) {
        if (type instanceof Class<?> c) {
            Class<?> element = c;
            while (element.isArray()) {
                element = element.getComponentType();
            }
            if (element.getName().startsWith(OWN)) {
                todo.add(element);
            }
        } else if (type instanceof ParameterizedType p) {
            collect(p.getRawType(), todo);
            for (Type argument : p.getActualTypeArguments()) {
                collect(argument, todo);
            }
        } else if (type instanceof GenericArrayType a) {
            collect(a.getGenericComponentType(), todo);
        } else if (type instanceof WildcardType w) {
            Arrays.stream(w.getUpperBounds()).forEach(t -> collect(t, todo));
        }
    }
}
