package dev.minrole.tools.sdkinventory;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Reads the members of a generated request or structure class from its {@code sdkFields()}.
 *
 * <p>{@link SdkField} knows a member's model name, marshalling type and traits but not the name of
 * the fluent builder method. That is found by matching the builder interface's one-argument methods
 * against the member name (ignoring case and punctuation: {@code SSEKMSKeyId} matches {@code
 * ssekmsKeyId}); members that no method matches by name are found by calling each remaining builder
 * method with a sample value and seeing which member it sets.
 */
final class PojoReader {

  /** The members of one class and the structure classes they refer to, in member order. */
  record Read(List<Member> members, List<Class<?>> structures) {}

  private final List<String> notes;

  /**
   * @param notes receives one line per member whose builder method could not be found
   */
  PojoReader(List<String> notes) {
    this.notes = notes;
  }

  Read read(Class<?> pojoClass) throws ReflectiveOperationException {
    SdkPojo pojo = build(newBuilder(pojoClass));
    List<SdkField<?>> fields = pojo.sdkFields();
    Map<String, String> setters = setterNames(pojoClass, fields);
    var members = new ArrayList<Member>();
    var structures = new LinkedHashSet<Class<?>>();
    for (SdkField<?> field : fields) {
      String setter = setters.get(field.memberName());
      if (setter == null) {
        notes.add(
            "no builder method found for " + pojoClass.getSimpleName() + "." + field.memberName());
      }
      Class<?> structure = structureOf(field);
      if (structure != null) {
        structures.add(structure);
      }
      members.add(
          new Member(
              field.memberName(),
              setter,
              typeName(field),
              structure == null ? null : structure.getSimpleName(),
              setter == null ? null : enumName(pojoClass, setter),
              field.containsTrait(RequiredTrait.class)));
    }
    return new Read(List.copyOf(members), List.copyOf(structures));
  }

  // ---- types ------------------------------------------------------------------------------

  private static String typeName(SdkField<?> field) {
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return "Structure";
    }
    return type.getTargetClass().getSimpleName();
  }

  /** The structure class of a structure member or of the innermost element of lists and maps. */
  private static Class<?> structureOf(SdkField<?> field) {
    SdkField<?> leaf = field;
    while (true) {
      MarshallingType<?> type = leaf.marshallingType();
      if (type == MarshallingType.LIST) {
        leaf = leaf.getTrait(ListTrait.class).memberFieldInfo();
      } else if (type == MarshallingType.MAP) {
        leaf = leaf.getTrait(MapTrait.class).valueFieldInfo();
      } else if (type == MarshallingType.SDK_POJO) {
        return build(leaf.constructor().get()).getClass();
      } else {
        return null;
      }
    }
  }

  /**
   * The enum behind a string member: generated classes pair the enum getter {@code x()} with {@code
   * xAsString()} (or {@code xAsStrings()} for lists and maps of enums).
   */
  private static String enumName(Class<?> pojoClass, String getter) {
    if (publicNoArg(pojoClass, getter + "AsString") == null
        && publicNoArg(pojoClass, getter + "AsStrings") == null) {
      return null;
    }
    Method typed = publicNoArg(pojoClass, getter);
    Class<?> found = typed == null ? null : findEnum(typed.getGenericReturnType());
    return found == null ? null : found.getSimpleName();
  }

  private static Class<?> findEnum(Type type) {
    if (type instanceof Class<?> c) {
      return c.isEnum() ? c : null;
    }
    if (type instanceof ParameterizedType p) {
      for (Type argument : p.getActualTypeArguments()) {
        Class<?> found = findEnum(argument);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  private static Method publicNoArg(Class<?> type, String name) {
    try {
      return type.getMethod(name);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  // ---- builder methods ----------------------------------------------------------------------

  private Map<String, String> setterNames(Class<?> pojoClass, List<SdkField<?>> fields)
      throws ReflectiveOperationException {
    Class<?> builderType = pojoClass.getMethod("builder").getReturnType();
    Map<String, List<Method>> candidates = new HashMap<>();
    for (Method method : builderType.getMethods()) {
      if (method.getParameterCount() == 1 && !Modifier.isStatic(method.getModifiers())) {
        candidates.computeIfAbsent(method.getName(), k -> new ArrayList<>()).add(method);
      }
    }
    var byNormalName = new HashMap<String, List<String>>();
    for (String name : candidates.keySet()) {
      byNormalName.computeIfAbsent(normalize(name), k -> new ArrayList<>()).add(name);
    }
    var setters = new HashMap<String, String>();
    var unmatched = new ArrayList<SdkField<?>>();
    for (SdkField<?> field : fields) {
      List<String> names = byNormalName.getOrDefault(normalize(field.memberName()), List.of());
      if (names.size() == 1) {
        setters.put(field.memberName(), names.get(0));
      } else {
        unmatched.add(field);
      }
    }
    if (!unmatched.isEmpty()) {
      var unused = new ArrayList<String>(candidates.keySet());
      unused.removeAll(setters.values());
      unused.sort(null);
      probe(pojoClass, unmatched, unused, candidates, setters);
    }
    return setters;
  }

  /** Finds the builder method of each unmatched field by calling candidates with sample values. */
  private void probe(
      Class<?> pojoClass,
      List<SdkField<?>> unmatched,
      List<String> unused,
      Map<String, List<Method>> candidates,
      Map<String, String> setters)
      throws ReflectiveOperationException {
    for (String name : unused) {
      for (Method method : candidates.get(name)) {
        Object sample = sample(method.getParameterTypes()[0]);
        if (sample == null) {
          continue;
        }
        Object builder = newBuilder(pojoClass);
        try {
          method.invoke(builder, sample);
        } catch (InvocationTargetException | IllegalArgumentException e) {
          continue;
        }
        SdkPojo built = build(builder);
        for (SdkField<?> field : unmatched) {
          if (!setters.containsKey(field.memberName()) && isSet(field.getValueOrDefault(built))) {
            setters.put(field.memberName(), name);
            notes.add(
                "builder method of "
                    + pojoClass.getSimpleName()
                    + "."
                    + field.memberName()
                    + " found by probing: "
                    + name);
          }
        }
      }
    }
  }

  private static boolean isSet(Object value) {
    return value != null
        && !(value instanceof SdkAutoConstructList)
        && !(value instanceof SdkAutoConstructMap);
  }

  private static Object sample(Class<?> type) throws ReflectiveOperationException {
    if (type == String.class) {
      return "x";
    } else if (type == Integer.class) {
      return 1;
    } else if (type == Long.class) {
      return 1L;
    } else if (type == Short.class) {
      return (short) 1;
    } else if (type == Byte.class) {
      return (byte) 1;
    } else if (type == Boolean.class) {
      return Boolean.TRUE;
    } else if (type == Double.class) {
      return 1.0d;
    } else if (type == Float.class) {
      return 1.0f;
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (type == Instant.class) {
      return Instant.EPOCH;
    } else if (type == SdkBytes.class) {
      return SdkBytes.fromUtf8String("x");
    } else if (type == Document.class) {
      return Document.fromString("x");
    } else if (Collection.class.isAssignableFrom(type)) {
      return List.of();
    } else if (Map.class.isAssignableFrom(type)) {
      return Map.of();
    } else if (type.isArray()) {
      return Array.newInstance(type.getComponentType(), 0);
    } else if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return constants.length == 0 ? null : constants[0];
    } else if (SdkPojo.class.isAssignableFrom(type)) {
      return build(newBuilder(type));
    }
    return null;
  }

  // ---- building -----------------------------------------------------------------------------

  static Object newBuilder(Class<?> pojoClass) throws ReflectiveOperationException {
    return pojoClass.getMethod("builder").invoke(null);
  }

  static SdkPojo build(Object builder) {
    return (SdkPojo) ((SdkBuilder<?, ?>) builder).build();
  }

  private static String normalize(String name) {
    return name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
  }
}
