package dev.minrole.analyzer.template;

import dev.minrole.analyzer.model.Finding;
import dev.minrole.analyzer.model.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation or SAM template, YAML or JSON, into {@link TNode}s with line numbers.
 * CloudFormation's short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) become their
 * long form; an unknown tag or invalid YAML is a finding with the file and line.
 */
public final class TemplateParser {
  /**
   * How deep mappings and lists may nest. SnakeYAML composes a document recursively, so its limit
   * (50 by default, which real templates with nested intrinsics or state machine definitions
   * exceed) is what keeps a hostile document from overflowing the stack: with the JVM's default 1
   * MiB thread stack, SnakeYAML 2.4 composes block mappings some 1,000 levels deep and overflows by
   * 1,500, so 500 leaves room for minrole's own walks of the tree.
   */
  static final int MAX_NESTING = 500;

  /**
   * How many aliases ({@code *name}) of mappings or lists a template may use: a YAML bomb guard.
   */
  static final int MAX_ALIASES = 50;

  /** How many characters a template may have: 64 Mi, far more than CloudFormation's 1 MB. */
  static final int MAX_CODE_POINTS = 64 * 1024 * 1024;

  private static final Map<String, String> SHORT_FORMS = shortForms();
  private static final Set<String> STANDARD_TAGS =
      Set.of(
          Tag.STR.getValue(),
          Tag.INT.getValue(),
          Tag.FLOAT.getValue(),
          Tag.BOOL.getValue(),
          Tag.NULL.getValue(),
          Tag.MAP.getValue(),
          Tag.SEQ.getValue(),
          Tag.TIMESTAMP.getValue(),
          Tag.BINARY.getValue());

  private static Map<String, String> shortForms() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("!Ref", "Ref");
    m.put("!Condition", "Condition");
    for (String fn :
        List.of(
            "GetAtt",
            "Sub",
            "Join",
            "Select",
            "Split",
            "If",
            "Equals",
            "And",
            "Or",
            "Not",
            "FindInMap",
            "ImportValue",
            "Base64",
            "Cidr",
            "GetAZs",
            "Transform",
            "Length",
            "ToJsonString",
            "ForEach")) {
      m.put("!" + fn, "Fn::" + fn);
    }
    return m;
  }

  /** A parsed template: its root, or nothing if it could not be read; and what went wrong. */
  public record Parsed(Optional<TNode> root, List<Finding> findings) {
    public Parsed {
      findings = List.copyOf(findings);
    }
  }

  public Parsed parse(Path file, String displayPath) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(reader, displayPath);
    } catch (IOException e) {
      return failed(
          displayPath,
          0,
          "cannot read the template (" + e.getMessage() + "); check the path and its permissions");
    }
  }

  public Parsed parse(String text, String displayPath) {
    return parse(new java.io.StringReader(text), displayPath);
  }

  private Parsed parse(Reader reader, String displayPath) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setNestingDepthLimit(MAX_NESTING);
    Node node;
    try {
      node = new Yaml(options).compose(reader);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 0 : mark.getLine() + 1;
      String problem = e.getProblem() == null ? "syntax error" : e.getProblem();
      return failed(
          displayPath,
          line,
          "invalid YAML or JSON ("
              + problem
              + "); fix the template so that `sam validate` accepts it");
    } catch (YAMLException e) {
      return failed(displayPath, 0, limitHit(e.getMessage()));
    }
    if (node == null) {
      return failed(displayPath, 0, "the template is empty");
    }
    List<Finding> findings = new ArrayList<>();
    TNode root = convert(node, displayPath, findings, 0);
    if (!(root instanceof TNode.TMap map)) {
      findings.add(
          error(
              displayPath,
              root.line(),
              "a template must be a mapping with Resources at the top level"));
      return new Parsed(Optional.empty(), findings);
    }
    Optional<String> resources = resourcesProblem(map);
    if (resources.isPresent()) {
      int line = map.get("Resources").map(TNode::line).orElse(root.line());
      findings.add(error(displayPath, line, resources.get()));
      return new Parsed(Optional.empty(), findings);
    }
    return new Parsed(Optional.of(root), findings);
  }

  /**
   * What is wrong with the template's {@code Resources}, which CloudFormation requires to be a
   * mapping of logical ids to resources: a list or a single value is not a template at all, so it
   * is not read as one. A template without resources (no {@code Resources}, or an empty one) is
   * read: it defines no function, which the caller reports.
   */
  private static Optional<String> resourcesProblem(TNode.TMap root) {
    Optional<TNode> resources = root.get("Resources");
    String found;
    if (resources.isPresent() && resources.get() instanceof TNode.TList) {
      found = "Resources is a list";
    } else if (resources.isPresent()
        && resources.get() instanceof TNode.TScalar s
        && s.value() != null) {
      found = "Resources is a single value";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        found
            + "; CloudFormation needs a mapping of logical ids to resources (e.g. Fn: {Type:"
            + " AWS::Serverless::Function, ...}). Fix the template, or pass --no-template to"
            + " analyze the code alone");
  }

  /** Which of the reader's limits a document went past, in words; any other problem as it is. */
  private static String limitHit(String message) {
    String m = String.valueOf(message);
    if (m.startsWith("Nesting Depth exceeded")) {
      return "the template nests mappings and lists deeper than "
          + MAX_NESTING
          + " levels, the most minrole reads (its YAML nesting limit)";
    }
    if (m.startsWith("Number of aliases")) {
      return "the template uses more than "
          + MAX_ALIASES
          + " aliases (*name) of mappings or lists, the most minrole expands (its YAML alias"
          + " limit, a guard against alias bombs)";
    }
    if (m.startsWith("The incoming YAML document exceeds the limit")) {
      return "the template has more than "
          + MAX_CODE_POINTS / (1024 * 1024)
          + " Mi characters, the most minrole reads (its YAML size limit)";
    }
    return "invalid YAML or JSON (" + m + ")";
  }

  private static Parsed failed(String file, int line, String message) {
    return new Parsed(Optional.empty(), List.of(error(file, line, message)));
  }

  private static Finding error(String file, int line, String message) {
    return Finding.error("TEMPLATE_ERROR", message, SourceLocation.of(file, line));
  }

  private TNode convert(Node node, String file, List<Finding> findings, int depth) {
    int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    if (depth > MAX_NESTING) {
      findings.add(
          error(
              file,
              line,
              "the template nests deeper than " + MAX_NESTING + " levels; it is cut there"));
      return new TNode.TScalar(null, line);
    }
    TNode plain = plain(node, file, findings, depth, line);
    String tag = node.getTag().getValue();
    if (STANDARD_TAGS.contains(tag) || !tag.startsWith("!")) {
      return plain;
    }
    String longForm = SHORT_FORMS.get(tag);
    if (longForm == null) {
      findings.add(
          Finding.warning(
              "TEMPLATE_ERROR",
              "unknown tag "
                  + tag
                  + "; it is not a CloudFormation intrinsic function, so its value is not resolved",
              SourceLocation.of(file, line)));
      return new TNode.TMap(Map.of(tag, plain), line);
    }
    if (longForm.equals("Fn::GetAtt") && plain instanceof TNode.TScalar s && s.value() != null) {
      String text = s.value();
      int dot = text.indexOf('.');
      List<TNode> parts =
          dot < 0
              ? List.of(s)
              : List.of(
                  new TNode.TScalar(text.substring(0, dot), line),
                  new TNode.TScalar(text.substring(dot + 1), line));
      return new TNode.TMap(Map.of(longForm, new TNode.TList(parts, line)), line);
    }
    return new TNode.TMap(Map.of(longForm, plain), line);
  }

  private TNode plain(Node node, String file, List<Finding> findings, int depth, int line) {
    if (node instanceof ScalarNode scalar) {
      boolean isNull =
          scalar.getTag().equals(Tag.NULL)
              || (scalar.getValue().equals("~") && scalar.getScalarStyle().getChar() == null);
      return new TNode.TScalar(isNull ? null : scalar.getValue(), line);
    }
    if (node instanceof SequenceNode sequence) {
      List<TNode> items = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        items.add(convert(item, file, findings, depth + 1));
      }
      return new TNode.TList(items, line);
    }
    MappingNode mapping = (MappingNode) node;
    Map<String, TNode> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node key = tuple.getKeyNode();
      String name = key instanceof ScalarNode k ? k.getValue() : key.toString();
      entries.put(name, convert(tuple.getValueNode(), file, findings, depth + 1));
    }
    return new TNode.TMap(entries, line);
  }
}
