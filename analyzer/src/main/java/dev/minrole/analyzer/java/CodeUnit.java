package dev.minrole.analyzer.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of code that runs as a whole once reached: a method or constructor body, a type's static
 * initialization (static fields and blocks), or its instance initialization (instance fields and
 * blocks, run by every constructor).
 */
sealed interface CodeUnit {
  /** The nodes whose code this unit runs. */
  List<Node> roots();

  /** The type whose code this is. */
  TypeInfo owner();

  record Method(MethodInfo method) implements CodeUnit {
    @Override
    public List<Node> roots() {
      return method.body().<List<Node>>map(List::of).orElse(List.of());
    }

    @Override
    public TypeInfo owner() {
      return method.owner();
    }
  }

  record StaticInit(TypeInfo type) implements CodeUnit {
    @Override
    public List<Node> roots() {
      return initializers(type, true);
    }

    @Override
    public TypeInfo owner() {
      return type;
    }
  }

  record InstanceInit(TypeInfo type) implements CodeUnit {
    @Override
    public List<Node> roots() {
      return initializers(type, false);
    }

    @Override
    public TypeInfo owner() {
      return type;
    }
  }

  private static List<Node> initializers(TypeInfo type, boolean statics) {
    List<Node> roots = new ArrayList<>();
    for (FieldInfo field : type.fields().values()) {
      if (field.isStatic() == statics) {
        field.initializer().ifPresent(roots::add);
        if (field.node() instanceof EnumConstantDeclaration constant) {
          roots.addAll(constant.getArguments());
          constant.getClassBody().forEach(roots::add);
        }
      }
    }
    type.initializers().stream().filter(i -> i.isStatic() == statics).forEach(roots::add);
    return roots;
  }
}
