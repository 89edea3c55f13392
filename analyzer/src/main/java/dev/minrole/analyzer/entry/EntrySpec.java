package dev.minrole.analyzer.entry;

import java.util.List;
import java.util.Optional;

/**
 * One way a framework reaches the user's code, as its model describes it. Every spec says what its
 * entry points are called in messages ({@code what}), and whether it applies only when the specs
 * before it found nothing ({@code otherwise}: Quarkus runs Jakarta REST resources only when the
 * application has no handler class of its own).
 */
public sealed interface EntrySpec {
  String what();

  boolean otherwise();

  Optional<Selector> select();

  /**
   * Objects the framework's container creates and calls: {@code @Bean} methods ({@code providers})
   * whose type is one of {@code types}, and classes that implement one of {@code types} and carry
   * one of {@code classes} (any class when that list is empty). The framework calls {@code calls}
   * on them. A class bean is named by the {@code value} of one of {@code names}, else by its simple
   * name with a lower-case first letter; a provider by the name its {@code @Bean} gives, else by
   * its method name.
   */
  record Beans(
      String what,
      List<String> types,
      List<String> calls,
      List<String> providers,
      List<String> classes,
      List<String> names,
      Optional<Selector> select,
      boolean otherwise)
      implements EntrySpec {
    public Beans {
      types = List.copyOf(types);
      calls = List.copyOf(calls);
      providers = List.copyOf(providers);
      classes = List.copyOf(classes);
      names = List.copyOf(names);
    }
  }

  /**
   * Methods annotated with one of {@code annotations}, in classes annotated with one of {@code
   * classes} (any class when empty), which the framework calls on instances its container creates:
   * request mappings, Jakarta REST resource methods, Funqy functions. A method is named by the
   * {@code value} of one of {@code names}, else by its own name.
   */
  record Methods(
      String what,
      List<String> classes,
      List<String> annotations,
      List<String> names,
      Optional<Selector> select,
      boolean otherwise)
      implements EntrySpec {
    public Methods {
      classes = List.copyOf(classes);
      annotations = List.copyOf(annotations);
      names = List.copyOf(names);
    }
  }

  /**
   * Methods of the user's handler class that the library base class it extends calls ({@code
   * execute}, {@code create}/{@code update}/{@code delete}).
   */
  record Inherited(String what, List<String> calls) implements EntrySpec {
    public Inherited {
      calls = List.copyOf(calls);
    }

    @Override
    public boolean otherwise() {
      return false;
    }

    @Override
    public Optional<Selector> select() {
      return Optional.empty();
    }
  }
}
