package dev.minrole.analyzer.terraform;

import com.bertramlabs.plugins.hcl4j.HCLParserException;
import com.bertramlabs.plugins.hcl4j.HclSymbolTree;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedObject;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ComputedTuple;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForConditional;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.ForSource;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Function;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.GroupedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Operator;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.PrimitiveType;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.StringInterpolatedExpression;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.Variable;
import com.bertramlabs.plugins.hcl4j.RuntimeSymbols.VariableTree;
import com.bertramlabs.plugins.hcl4j.symbols.HCLArray;
import com.bertramlabs.plugins.hcl4j.symbols.HCLAttribute;
import com.bertramlabs.plugins.hcl4j.symbols.HCLBlock;
import com.bertramlabs.plugins.hcl4j.symbols.HCLMap;
import com.bertramlabs.plugins.hcl4j.symbols.HCLValue;
import com.bertramlabs.plugins.hcl4j.symbols.Symbol;
import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Terraform file with hcl4j's lexer ({@link HclSymbolTree}) into {@link HclBlock}s and
 * {@link HclExpr}s with their lines. A syntax error is a {@code TEMPLATE_ERROR} finding with the
 * line; the blocks before it are kept, the one it is in is not.
 *
 * <p>Over 300 lines: turning hcl4j's flat operand/operator symbols into expressions needs the whole
 * symbol vocabulary in one place.
 */
public final class HclReader {
  private static final Pattern ERROR_LINE = Pattern.compile("line: (\\d+)(?: col: (\\d+))?");
  private static final Set<String> BINARY =
      Set.of("==", "!=", "&&", "||", "?", ":", "+", "-", "*", "/", "%", "<", ">", "<=", ">=");
  private static final String PROBE = "minrole_expression";
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "terraform",
          "provider",
          "variable",
          "locals",
          "output",
          "module",
          "resource",
          "data",
          "moved",
          "import",
          "check",
          "removed");

  private final String displayPath;
  private final int fixedLine;

  private HclReader(String displayPath) {
    this(displayPath, 0);
  }

  /** A reader that gives every expression {@code fixedLine} (for text inside a string). */
  private HclReader(String displayPath, int fixedLine) {
    this.displayPath = displayPath;
    this.fixedLine = fixedLine;
  }

  /** Reads {@code file}; {@code displayPath} is how findings and locations name it. */
  public static HclFile read(Path file, String displayPath) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return new HclFile(
          file,
          displayPath,
          List.of(),
          Map.of(),
          List.of(
              Finding.error(
                  "TEMPLATE_ERROR",
                  "cannot read " + displayPath + ": " + e.getMessage(),
                  SourceLocation.file(displayPath))));
    }
    return parse(text, file, displayPath);
  }

  /** Reads HCL text, as if it were the file {@code displayPath}. */
  public static HclFile parse(String text, Path file, String displayPath) {
    return new HclReader(displayPath).file(text, file);
  }

  /**
   * One expression written as text, such as the inside of a heredoc's {@code ${...}} on {@code
   * line}; empty if it does not parse.
   */
  public static Optional<HclExpr> expression(String text, int line, String displayPath) {
    HclSymbolTree.Result tree;
    try {
      tree = HclSymbolTree.read(new StringReader(PROBE + " = " + text + "\n"));
    } catch (IOException e) {
      return Optional.empty();
    }
    if (tree.error().isPresent()
        || tree.symbols().size() != 1
        || !(tree.symbols().get(0) instanceof HCLAttribute attribute)) {
      return Optional.empty();
    }
    return Optional.of(new HclReader(displayPath, line).attributeValue(attribute, line));
  }

  private HclFile file(String text, Path file) {
    List<Finding> findings = new ArrayList<>();
    HclSymbolTree.Result tree;
    try (Reader reader = new StringReader(text)) {
      tree = HclSymbolTree.read(reader);
    } catch (IOException e) {
      throw new IllegalStateException("reading a string", e);
    }
    List<Symbol> symbols = new ArrayList<>(tree.symbols());
    Optional<Symbol> broken = tree.unclosed().map(HclReader::topLevel);
    if (tree.error().isPresent()) {
      findings.add(syntaxError(tree.error().get(), broken));
    } else if (broken.isPresent()) {
      findings.add(
          Finding.error(
              "TEMPLATE_ERROR",
              displayPath
                  + " ends inside the block that starts on line "
                  + line(broken.get(), 1)
                  + " (a missing }); that block is not read",
              SourceLocation.of(displayPath, line(broken.get(), 1))));
    }
    broken.ifPresent(b -> symbols.removeIf(s -> s == b));
    if (displayPath.endsWith(".tf")) {
      outsideBlocks(symbols, findings);
    }
    List<HclBlock> blocks = new ArrayList<>();
    Map<String, HclBlock.Attribute> attributes = new LinkedHashMap<>();
    for (Symbol symbol : symbols) {
      if (symbol instanceof HCLBlock block) {
        blocks.add(block(block));
      } else if (symbol instanceof HCLAttribute attribute && attribute.getName() != null) {
        attributes.put(attribute.getName(), attribute(attribute));
      }
    }
    return new HclFile(file, displayPath, blocks, attributes, findings);
  }

  /**
   * In a {@code .tf} file only blocks of Terraform's top-level types stand at the top. hcl4j puts
   * the contents of a block that is never closed at the top level: they are reported once, and not
   * read.
   */
  private void outsideBlocks(List<Symbol> symbols, List<Finding> findings) {
    List<Symbol> stray = new ArrayList<>();
    for (Symbol symbol : symbols) {
      boolean block =
          symbol instanceof HCLBlock b
              && b.blockNames != null
              && !b.blockNames.isEmpty()
              && TOP_LEVEL.contains(b.blockNames.get(0));
      if (!block) {
        stray.add(symbol);
      }
    }
    if (stray.isEmpty()) {
      return;
    }
    int line = line(stray.get(0), 1);
    findings.add(
        Finding.error(
            "TEMPLATE_ERROR",
            displayPath
                + ": "
                + (stray.get(0).getName() == null ? "this" : stray.get(0).getName())
                + " on line "
                + line
                + " is outside any block: a block above it is not closed (a missing }) or"
                + " misses its {; it is not read",
            SourceLocation.of(displayPath, line)));
    symbols.removeAll(stray);
  }

  private Finding syntaxError(HCLParserException error, Optional<Symbol> broken) {
    String message = String.valueOf(error.getMessage());
    Matcher m = ERROR_LINE.matcher(message);
    int line = m.find() ? Integer.parseInt(m.group(1)) : broken.map(b -> line(b, 1)).orElse(0);
    String what = message.replaceAll("\\s+", " ").replaceAll(" - state: \\d+>", ">").strip();
    String lost =
        broken
            .map(b -> "; the block that starts on line " + line(b, 1) + " and the rest of the file")
            .orElse("; the rest of the file");
    return Finding.error(
        "TEMPLATE_ERROR",
        displayPath
            + " has a syntax error ("
            + what
            + ")"
            + lost
            + " are not read. Fix it so that terraform validate accepts the file",
        SourceLocation.of(displayPath, line));
  }

  private static Symbol topLevel(Symbol symbol) {
    Symbol s = symbol;
    while (s.getParent() != null) {
      s = s.getParent();
    }
    return s;
  }

  // ---- blocks

  private HclBlock block(HCLBlock block) {
    List<String> names = block.blockNames == null ? List.of() : block.blockNames;
    String type = names.isEmpty() ? "" : names.get(0);
    Map<String, HclBlock.Attribute> attributes = new LinkedHashMap<>();
    List<HclBlock> nested = new ArrayList<>();
    for (Symbol child : children(block)) {
      if (child instanceof HCLBlock b) {
        nested.add(block(b));
      } else if (child instanceof HCLAttribute a && a.getName() != null) {
        attributes.put(a.getName(), attribute(a));
      }
    }
    return new HclBlock(
        type,
        names.size() > 1 ? names.subList(1, names.size()) : List.of(),
        attributes,
        nested,
        SourceLocation.of(displayPath, line(block, 1)));
  }

  private HclBlock.Attribute attribute(HCLAttribute attribute) {
    int line = line(attribute, 1);
    return new HclBlock.Attribute(
        attribute.getName(), attributeValue(attribute, line), SourceLocation.of(displayPath, line));
  }

  /** An attribute's expression; a heredoc starts on the line after the attribute. */
  private HclExpr attributeValue(HCLAttribute attribute, int line) {
    List<Symbol> children = children(attribute);
    if (children.size() == 1 && children.get(0) instanceof HCLBlock object) {
      return object(object, line);
    }
    HclExpr value = sequence(children, line);
    if (value instanceof HclExpr.Text text
        && children.size() == 1
        && line(children.get(0), line) > line) {
      return new HclExpr.Text(text.raw(), loc(line + 1));
    }
    return value;
  }

  // ---- expressions

  private HclExpr expression(Symbol symbol, int fallbackLine) {
    int line = line(symbol, fallbackLine);
    if (symbol instanceof HCLValue value) {
      return value(value, line);
    }
    if (symbol instanceof StringInterpolatedExpression template) {
      return template(template, line);
    }
    if (symbol instanceof VariableTree tree) {
      return variableTree(tree, line);
    }
    if (symbol instanceof Variable variable) {
      return new HclExpr.Reference(List.of(new HclExpr.Step.Name(variable.getName())), loc(line));
    }
    if (symbol instanceof HCLArray array) {
      return new HclExpr.Tuple(elements(children(array), line), loc(line));
    }
    if (symbol instanceof HCLBlock object) {
      return object(object, line);
    }
    if (symbol instanceof HCLMap map) {
      return object(map, line);
    }
    if (symbol instanceof GroupedExpression group) {
      return sequence(children(group), line);
    }
    if (symbol instanceof ComputedTuple tuple) {
      return forTuple(tuple, line);
    }
    if (symbol instanceof ComputedObject) {
      return new HclExpr.Opaque("an object for expression", loc(line));
    }
    if (symbol instanceof PrimitiveType type) {
      return new HclExpr.Opaque("the type " + type.getName(), loc(line));
    }
    return new HclExpr.Opaque(symbol.getSymbolName(), loc(line));
  }

  /**
   * {@code [for k, v in collection : value if condition]}: hcl4j's lexer gives the variables, then
   * the collection's symbols, a {@code ForSource} marker, the value's symbols and a {@code
   * ForConditional} holding the condition's.
   */
  private HclExpr forTuple(ComputedTuple tuple, int line) {
    List<Symbol> children = children(tuple);
    int source = -1;
    for (int i = 0; i < children.size(); i++) {
      if (children.get(i) instanceof ForSource) {
        source = i;
        break;
      }
    }
    List<String> variables = new ArrayList<>();
    if (tuple.getVariables() != null) {
      tuple.getVariables().forEach(v -> variables.add(v.getName()));
    }
    if (source <= 0 || variables.isEmpty() || variables.size() > 2) {
      return new HclExpr.Opaque("a for expression", loc(line));
    }
    List<Symbol> value = new ArrayList<>();
    Optional<HclExpr> condition = Optional.empty();
    for (Symbol s : children.subList(source + 1, children.size())) {
      if (s instanceof ForConditional c) {
        condition = Optional.of(sequence(children(c), line));
      } else {
        value.add(s);
      }
    }
    if (value.isEmpty()) {
      return new HclExpr.Opaque("a for expression", loc(line));
    }
    return new HclExpr.For(
        variables,
        sequence(children.subList(0, source), line),
        sequence(value, line),
        condition,
        loc(line));
  }

  private HclExpr value(HCLValue value, int line) {
    String type = String.valueOf(value.type);
    Object raw = value.value;
    return switch (type) {
      case "string" -> new HclExpr.Text(String.valueOf(raw), loc(line));
      case "boolean" -> new HclExpr.Literal(Boolean.valueOf(String.valueOf(raw)), loc(line));
      case "null" -> new HclExpr.Literal(null, loc(line));
      default -> new HclExpr.Literal(String.valueOf(raw), loc(line));
    };
  }

  private HclExpr template(StringInterpolatedExpression template, int line) {
    List<HclExpr> parts = new ArrayList<>();
    for (Symbol child : children(template)) {
      if (child instanceof Operator) {
        continue;
      }
      if (child instanceof StringInterpolatedExpression inner) {
        parts.add(sequence(children(inner), line));
      } else {
        parts.add(expression(child, line));
      }
    }
    return new HclExpr.Template(parts, loc(line));
  }

  private HclExpr variableTree(VariableTree tree, int line) {
    List<Symbol> children = children(tree);
    if (!children.isEmpty() && children.get(0) instanceof Function function) {
      return new HclExpr.Call(
          function.getName(),
          elements(children(function), line),
          steps(children.subList(1, children.size()), line),
          loc(line));
    }
    return new HclExpr.Reference(steps(children, line), loc(line));
  }

  private List<HclExpr.Step> steps(List<Symbol> symbols, int line) {
    List<HclExpr.Step> out = new ArrayList<>();
    for (Symbol s : symbols) {
      if (s instanceof HCLArray index) {
        List<Symbol> inside = children(index);
        boolean splat =
            inside.size() == 1 && inside.get(0) instanceof Operator op && "*".equals(op.getName());
        out.add(splat ? new HclExpr.Step.Splat() : new HclExpr.Step.Index(sequence(inside, line)));
      } else if ("*".equals(s.getName())) {
        out.add(new HclExpr.Step.Splat());
      } else if (s.getName() != null) {
        out.add(new HclExpr.Step.Name(s.getName()));
      }
    }
    return out;
  }

  private HclExpr object(Symbol object, int line) {
    Map<String, HclExpr> entries = new LinkedHashMap<>();
    for (Symbol child : children(object)) {
      if (child instanceof HCLAttribute a && a.getName() != null) {
        entries.put(a.getName(), attributeValue(a, line(a, line)));
      }
    }
    return new HclExpr.ObjectCons(entries, loc(line(object, line)));
  }

  /**
   * The elements of a list or an argument list: hcl4j gives operands and operators in one flat
   * sequence, so an element ends where an operand follows an operand.
   */
  private List<HclExpr> elements(List<Symbol> symbols, int line) {
    List<HclExpr> out = new ArrayList<>();
    List<Symbol> current = new ArrayList<>();
    boolean expectOperand = true;
    for (Symbol s : symbols) {
      boolean operator = s instanceof Operator;
      if (!expectOperand && !operator) {
        out.add(sequence(current, line));
        current = new ArrayList<>();
        expectOperand = true;
      }
      current.add(s);
      expectOperand = operator;
    }
    if (!current.isEmpty()) {
      out.add(sequence(current, line));
    }
    return out;
  }

  /** Operands and operators as one expression, with HCL's operator precedence. */
  private HclExpr sequence(List<Symbol> symbols, int line) {
    if (symbols.isEmpty()) {
      return new HclExpr.Literal(null, loc(line));
    }
    if (symbols.size() == 1) {
      return expression(symbols.get(0), line);
    }
    return new Precedence(symbols, line).parse();
  }

  /** A precedence-climbing parser over hcl4j's flat operand/operator sequence. */
  private final class Precedence {
    private final List<Symbol> tokens;
    private final int line;
    private int at;

    Precedence(List<Symbol> tokens, int line) {
      this.tokens = tokens;
      this.line = line;
    }

    HclExpr parse() {
      HclExpr condition = binary(0);
      if (peek("?")) {
        at++;
        HclExpr ifTrue = parse();
        if (peek(":")) {
          at++;
        }
        HclExpr ifFalse = parse();
        return new HclExpr.Conditional(condition, ifTrue, ifFalse, loc(line));
      }
      return condition;
    }

    private HclExpr binary(int minLevel) {
      HclExpr left = unary();
      while (at < tokens.size()
          && tokens.get(at) instanceof Operator op
          && BINARY.contains(op.getName())
          && level(op.getName()) >= minLevel
          && level(op.getName()) > 0) {
        String name = op.getName();
        at++;
        HclExpr right = binary(level(name) + 1);
        left = new HclExpr.Binary(name, left, right, loc(line));
      }
      return left;
    }

    private HclExpr unary() {
      if (at < tokens.size() && tokens.get(at) instanceof Operator op) {
        at++;
        return new HclExpr.Unary(op.getName(), unary(), loc(line));
      }
      if (at >= tokens.size()) {
        return new HclExpr.Opaque("an incomplete expression", loc(line));
      }
      return expression(tokens.get(at++), line);
    }

    private boolean peek(String operator) {
      return at < tokens.size()
          && tokens.get(at) instanceof Operator op
          && operator.equals(op.getName());
    }

    /** HCL's binary operator precedence, highest last; 0 for ? and :, which parse() handles. */
    private int level(String operator) {
      return switch (operator) {
        case "||" -> 1;
        case "&&" -> 2;
        case "==", "!=" -> 3;
        case "<", ">", "<=", ">=" -> 4;
        case "+", "-" -> 5;
        case "*", "/", "%" -> 6;
        default -> 0;
      };
    }
  }

  // ---- helpers

  private static List<Symbol> children(Symbol symbol) {
    return symbol.getChildren() == null ? List.of() : symbol.getChildren();
  }

  private SourceLocation loc(int line) {
    return SourceLocation.of(displayPath, line);
  }

  /** The symbol's line, 1-based (hcl4j counts from 0). */
  private int line(Symbol symbol, int fallback) {
    if (fixedLine > 0) {
      return fixedLine;
    }
    Integer line = symbol.getLine();
    return line == null ? fallback : line + 1;
  }
}
